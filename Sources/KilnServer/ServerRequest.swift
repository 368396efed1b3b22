import Foundation
import KilnRuntime

/// A request as a server adapter (loopback, Hummingbird) hands it to generated server code: the path
/// and query still percent-encoded, so the router splits segments before decoding them.
public struct ServerRequest: Sendable {
    /// Upper-case, e.g. `GET`.
    public var method: String
    /// The raw path without the query, e.g. `/groups/a%20b`.
    public var path: String
    /// The raw query without `?`; empty when the target has none.
    public var query: String
    public var headers: HTTPFields
    public var body: Data

    public init(method: String, path: String, query: String = "", headers: HTTPFields = [:], body: Data = Data()) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// From a request target as sent on the wire: `/groups?limit=2`.
    public init(method: String, target: String, headers: HTTPFields = [:], body: Data = Data()) {
        let mark = target.firstIndex(of: "?")
        self.init(
            method: method, path: String(target[..<(mark ?? target.endIndex)]),
            query: mark.map { String(target[target.index(after: $0)...]) } ?? "", headers: headers, body: body)
    }
}

/// What generated server code answers: the client's response type, which adapters write to the wire as
/// given (they add the length).
public typealias ServerResponse = HTTPResponse

/// Anything that answers requests: a generated `…Server`, or a router. Adapters host one.
public protocol ServerApplication: Sendable {
    func respond(to request: ServerRequest) async -> ServerResponse
}
