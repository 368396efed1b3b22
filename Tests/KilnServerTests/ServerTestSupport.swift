import Foundation
import KilnRuntime
import KilnServer

/// The OpenAPI style table's object value (`R=100, G=200, B=150`) as a model, in declaration order.
struct Color: Codable, Equatable, Sendable {
    var R: Int
    var G: Int
    var B: Int
}

extension ServerRouter {
    /// A router with one route whose handler decodes with `decode` and answers the value as JSON.
    static func decoding<T: Encodable & Sendable>(
        _ template: String, method: String = "GET", _ decode: @escaping @Sendable (ServerRequestInputs) throws -> T
    ) -> ServerRouter {
        ServerRouter(routes: [
            ServerRoute(method: method, template: template, operationID: "probe") { _, inputs in
                try .json(200, decode(inputs))
            }
        ])
    }
}

extension ServerResponse {
    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONCoding.makeDecoder().decode(type, from: body)
    }

    /// The `detail` of a problem body.
    var detail: String? {
        (try? JSONCoding.makeDecoder().decode(JSONValue.self, from: body))?["detail"]?.stringValue
    }
}
