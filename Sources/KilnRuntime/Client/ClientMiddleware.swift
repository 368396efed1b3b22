import Foundation

/// Intercepts every request of a client: add auth, retry, log, rewrite.
///
/// Middlewares run in configuration order: the first one sees the request first and the
/// response last. Call `next` zero, one or several times.
public protocol ClientMiddleware: Sendable {
    func intercept(
        _ request: HTTPRequest,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}
