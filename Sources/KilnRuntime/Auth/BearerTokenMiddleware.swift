import Foundation

/// Sends `Authorization: Bearer <token>` with every request.
public struct BearerTokenMiddleware: ClientMiddleware {
    private let token: @Sendable () async throws -> String

    /// A fixed token.
    public init(token: String) {
        self.token = { token }
    }

    /// A token fetched per request, e.g. from a keychain or a refreshing provider.
    public init(tokenProvider: @escaping @Sendable () async throws -> String) {
        self.token = tokenProvider
    }

    public func intercept(
        _ request: HTTPRequest,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        request.headers["Authorization"] = "Bearer \(try await token())"
        return try await next(request, baseURL)
    }
}
