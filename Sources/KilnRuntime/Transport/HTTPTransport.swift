import Foundation

/// Sends one request and returns the complete response. Implementations must not throw for
/// non-2xx statuses: status handling belongs to generated code and middlewares.
public protocol HTTPTransport: Sendable {
    /// The buffered path: the whole body in memory (ordinary JSON calls).
    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse
    /// The streaming path: returns once status and headers have arrived, with an empty `body` in the
    /// response; the body's bytes follow in the `ResponseBody`. Stopping reading should close the connection.
    func stream(_ request: HTTPRequest, baseURL: URL) async throws -> (HTTPResponse, ResponseBody)
    /// Whether `send` and `stream` read a request's `bodyStream` themselves (from disk, as they write it).
    /// When false (the default), `APIClientCore` hands them the request with that body collected into `body`.
    var streamsRequestBodies: Bool { get }
}

extension HTTPTransport {
    public var streamsRequestBodies: Bool { false }

    /// For transports that cannot stream: the buffered response, handed out as one chunk.
    public func stream(_ request: HTTPRequest, baseURL: URL) async throws -> (HTTPResponse, ResponseBody) {
        var response = try await send(request, baseURL: baseURL)
        let body = ResponseBody(response.body)
        response.body = Data()
        return (response, body)
    }
}

/// A transport backed by a closure: handy for tests and for adapting other HTTP stacks.
public struct ClosureTransport: HTTPTransport {
    private let handler: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse

    /// Calls `handler` for every request.
    public init(_ handler: @escaping @Sendable (HTTPRequest, URL) async throws -> HTTPResponse) {
        self.handler = handler
    }

    public func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        try await handler(request, baseURL)
    }
}
