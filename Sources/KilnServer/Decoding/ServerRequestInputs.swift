import Foundation
import KilnRuntime

/// Where a parameter is sent, as the router reads it.
public enum ServerParameterLocation: String, Sendable {
    case path, query, header, cookie
}

/// A parameter's style on the wire; the location decides which apply (OpenAPI's defaults are the
/// generator's to fill in).
public enum ParameterStyle: String, Sendable {
    case form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject
}

/// The typed reading of one matched request that generated server code calls: each parameter with
/// exactly the style the generated client encodes, and the body by its media type. Every failure is a
/// `ServerInputError` naming what did not decode.
public struct ServerRequestInputs: Sendable {
    public let request: ServerRequest
    let pathVariables: [String: String]
    private let queryPairs: [(name: String, value: String)]
    /// Parsed once per request, like the query: an operation may read several cookie parameters.
    private let cookiePairs: [(name: String, value: String)]

    init(request: ServerRequest, pathVariables: [String: String]) {
        self.request = request
        self.pathVariables = pathVariables
        self.queryPairs = FormURLEncoder.decode(request.query)
        self.cookiePairs = ParameterText.cookies(request.headers.values(for: "Cookie"))
    }

    /// One parameter, nil when absent. `excluding` names the operation's other query (or cookie)
    /// parameters, which an exploded form object does not collect. `json`: sent as JSON text.
    public func parameter<T: Decodable>(
        _ name: String, in location: ServerParameterLocation, as type: T.Type, style: ParameterStyle, explode: Bool,
        shape: ParameterShape = .primitive, json: Bool = false, excluding: Set<String> = []
    ) throws -> T? {
        let what = "\(location.rawValue) parameter '\(name)'"
        let node: TextNode?
        switch location {
        case .path:
            guard let raw = pathVariables[name] else { return nil }
            node = json
                ? .text(PercentDecoding.decode(raw) ?? raw)
                : ParameterText.path(name, raw: raw, style: PathStyle(rawValue: style.rawValue) ?? .simple, explode: explode, shape: shape)
            guard node != nil else { throw ServerInputError("\(what): expected the \(style.rawValue) style") }
        case .query:
            node = json
                ? queryPairs.first { $0.name == name }.map { .text($0.value) }
                : ParameterText.query(
                    name, pairs: queryPairs, style: QueryStyle(rawValue: style.rawValue) ?? .form, explode: explode, shape: shape,
                    excluding: excluding)
        case .header:
            let values = request.headers.values(for: name)
            node = values.isEmpty ? nil : ParameterText.header(values.joined(separator: ","), explode: explode, shape: json ? .primitive : shape)
        case .cookie:
            node = ParameterText.query(name, pairs: cookiePairs, style: .form, explode: explode, shape: json ? .primitive : shape, excluding: excluding)
        }
        guard let node else { return nil }
        do {
            if json, case .text(let text) = node {
                return try JSONCoding.makeDecoder().decode(T.self, from: Data(text.utf8))
            }
            return try TextNodeDecoder.decode(T.self, from: node, codingPath: [])
        } catch {
            throw ServerInputError(what, error)
        }
    }

    /// A required parameter: its absence is a `ServerInputError`.
    public func requiredParameter<T: Decodable>(
        _ name: String, in location: ServerParameterLocation, as type: T.Type, style: ParameterStyle, explode: Bool,
        shape: ParameterShape = .primitive, json: Bool = false, excluding: Set<String> = []
    ) throws -> T {
        guard let value = try parameter(name, in: location, as: type, style: style, explode: explode, shape: shape, json: json, excluding: excluding) else {
            throw ServerInputError("\(location.rawValue) parameter '\(name)' is required")
        }
        return value
    }
}
