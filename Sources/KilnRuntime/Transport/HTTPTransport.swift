import Foundation

/// Sends one request and returns the complete response. Implementations must not throw for
/// non-2xx statuses: status handling belongs to generated code and middlewares.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse
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
