import Foundation

/// A request as generated code builds it, independent of any transport.
public struct HTTPRequest: Hashable, Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// Already percent-encoded, relative to the base URL, e.g. `/groups/a%20b`.
    public var path: String
    /// Ordered, already-styled query items.
    public var query: QueryItems
    /// Request headers (generated code sets `Content-Type`/`Accept`).
    public var headers: HTTPFields
    /// Encoded body; set the matching `Content-Type` header.
    public var body: Data?
    /// A body sent from disk as the transport writes it (uploads from a file); when set, `body` is nil.
    /// A transport whose `streamsRequestBodies` is false gets it collected into `body` instead.
    public var bodyStream: RequestBodyStream?

    /// `path` must already be percent-encoded (see `PathEncoder`).
    public init(
        method: HTTPMethod = .get, path: String, query: QueryItems = [], headers: HTTPFields = [:], body: Data? = nil,
        bodyStream: RequestBodyStream? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.bodyStream = bodyStream
    }

    /// The request with `bodyStream` read into `body`, for transports that send buffered bodies only.
    public func bufferingBodyStream() throws -> HTTPRequest {
        guard let bodyStream else { return self }
        var request = self
        request.body = try bodyStream.collected()
        request.bodyStream = nil
        return request
    }

    /// The absolute URL: `baseURL` + `path` + `?query`, with no re-encoding of path or query.
    ///
    /// A trailing `/` on the base URL is dropped when `path` starts with `/`, so
    /// `https://h/v1/` + `/groups` is `https://h/v1/groups`. A query on the base URL is kept
    /// and precedes the request's own items.
    public func url(relativeTo baseURL: URL) throws(InvalidURLError) -> URL {
        let text = Self.urlString(baseURL: baseURL, path: path, query: query)
        guard let url = URL(string: text), url.scheme != nil else { throw InvalidURLError(text: text) }
        return url
    }

    /// The URL as text; `renderQuery` lets logging substitute a redacted query.
    static func urlString(baseURL: URL, path: String, query: QueryItems, renderQuery: (QueryItems) -> String = { $0.percentEncodedQuery }) -> String {
        var text = baseURL.absoluteString
        if let fragment = text.firstIndex(of: "#") { text = String(text[..<fragment]) }
        var allItems = QueryItems()
        if let mark = text.firstIndex(of: "?") {
            allItems = QueryItems(percentEncodedQuery: String(text[text.index(after: mark)...]))
            text = String(text[..<mark])
        }
        allItems.append(contentsOf: query)
        if path.hasPrefix("/") && text.hasSuffix("/") { text.removeLast() }
        text += path
        if !allItems.isEmpty { text += "?" + renderQuery(allItems) }
        return text
    }
}

/// The base URL, path and query did not form a valid absolute URL.
public struct InvalidURLError: Error, Hashable, CustomStringConvertible {
    /// The URL text that failed to parse.
    public var text: String

    /// Wraps the offending URL text.
    public init(text: String) {
        self.text = text
    }

    public var description: String { "Invalid URL: \(text)" }
}
