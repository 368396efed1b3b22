import Foundation

/// A request exactly as the server received it, kept for assertions.
public struct RecordedRequest: Sendable {
    /// E.g. `GET`.
    public var method: String
    /// The request target as sent, e.g. `/groups/a%20b?x=1`.
    public var target: String
    /// E.g. `HTTP/1.1`.
    public var httpVersion: String
    /// Headers in wire order.
    public var headers: [TestHeader]
    /// Body bytes after removing any chunked transfer coding.
    public var body: Data

    /// Builds a request by hand, e.g. for unit tests of handlers.
    public init(method: String, target: String, httpVersion: String = "HTTP/1.1", headers: [TestHeader] = [], body: Data = Data()) {
        self.method = method
        self.target = target
        self.httpVersion = httpVersion
        self.headers = headers
        self.body = body
    }

    /// The raw (still percent-encoded) path, without the query.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The raw (still percent-encoded) query without `?`, or nil when the target has none.
    public var query: String? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        return String(target[target.index(after: mark)...])
    }

    /// Query pairs percent-decoded per RFC 3986 (`+` stays `+`).
    public var queryItems: [(name: String, value: String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            return (name, value)
        }
    }

    /// The first decoded value of query item `name`.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The first value of header `name`, case-insensitively.
    public func header(_ name: String) -> String? {
        headers.value(for: name)
    }

    /// The body decoded as UTF-8 (lossy).
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}
