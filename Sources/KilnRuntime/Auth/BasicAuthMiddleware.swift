import Foundation

/// Sends `Authorization: Basic base64(username:password)` (RFC 7617, UTF-8).
public struct BasicAuthMiddleware: ClientMiddleware {
    private let headerValue: String

    /// Credentials are encoded once, up front.
    public init(username: String, password: String) {
        self.headerValue = "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    public func intercept(
        _ request: HTTPRequest,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        request.headers["Authorization"] = headerValue
        return try await next(request, baseURL)
    }
}
