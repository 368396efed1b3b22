import Foundation

/// Adds the token from a `SessionTokenStore` to each request. Requests go out unchanged while
/// no token is stored (so the login call itself can use the same client).
public struct SessionTokenMiddleware: ClientMiddleware {
    /// Where the token is put.
    public enum Placement: Sendable, Hashable {
        /// `Authorization: Bearer <token>`.
        case bearerHeader
        /// A custom header, e.g. `X-Session`.
        case header(String)
        /// A top-level field of the JSON object body, e.g. `kmd` for the action API. A missing
        /// body becomes `{"<field>":"<token>"}`; an explicit value already in the body wins.
        case jsonBodyField(String)
        /// A query item.
        case queryItem(String)
    }

    private let store: SessionTokenStore
    private let placement: Placement
    private let excludedOperationIDs: Set<String>
    private let clearOnUnauthorized: Bool

    /// - Parameters:
    ///   - excludedOperationIDs: operations that never carry the token (e.g. `login`).
    ///   - clearOnUnauthorized: forget the token when the server answers 401 to it.
    public init(store: SessionTokenStore, placement: Placement, excludedOperationIDs: Set<String> = [], clearOnUnauthorized: Bool = false) {
        self.store = store
        self.placement = placement
        self.excludedOperationIDs = excludedOperationIDs
        self.clearOnUnauthorized = clearOnUnauthorized
    }

    public func intercept(
        _ request: HTTPRequest,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard !excludedOperationIDs.contains(operationID), let token = await store.token else {
            return try await next(request, baseURL)
        }
        var request = request
        switch placement {
        case .bearerHeader:
            request.headers["Authorization"] = "Bearer \(token)"
        case .header(let name):
            request.headers[name] = token
        case .queryItem(let name):
            request.query.append(name, token)
        case .jsonBodyField(let field):
            request.body = try JSONBodyField.inserting(field, value: token, into: request.body)
            if request.headers["Content-Type"] == nil { request.headers["Content-Type"] = "application/json" }
        }
        let response = try await next(request, baseURL)
        if clearOnUnauthorized && response.status == 401 { await store.clear(ifCurrent: token) }
        return response
    }
}

/// Adds a string field to a JSON object body without re-serializing it, so every other byte
/// (key order, number formatting) stays exactly as the generated encoder produced it.
enum JSONBodyField {
    struct NotAJSONObject: Error, CustomStringConvertible {
        var description: String { "The request body is not a JSON object, so the session token field cannot be added" }
    }

    static func inserting(_ field: String, value: String, into body: Data?) throws -> Data {
        let member = try encodedString(field) + ":" + encodedString(value)
        guard let body, body.contains(where: { !isWhitespace($0) }) else { return Data("{\(member)}".utf8) }
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { throw NotAJSONObject() }
        if object[field] != nil { return body }
        let bytes = [UInt8](body)
        guard let brace = bytes.firstIndex(of: UInt8(ascii: "{")) else { throw NotAJSONObject() }
        let separator = object.isEmpty ? "" : ","
        return Data(bytes[...brace]) + Data((member + separator).utf8) + Data(bytes[(brace + 1)...])
    }

    private static func encodedString(_ text: String) throws -> String {
        String(decoding: try JSONCoding.makeEncoder().encode(text), as: UTF8.self)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
