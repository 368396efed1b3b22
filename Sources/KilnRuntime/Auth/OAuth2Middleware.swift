import Foundation

/// Sends a bearer token from a `RefreshableTokenProvider` (e.g. `OAuth2ClientCredentials`) and,
/// when the server answers 401, retries exactly once with a freshly fetched token.
public struct OAuth2Middleware: ClientMiddleware {
    private let provider: any RefreshableTokenProvider

    /// Usually an `OAuth2ClientCredentials` shared by all clients of one account.
    public init(provider: any RefreshableTokenProvider) {
        self.provider = provider
    }

    public func intercept(
        _ request: HTTPRequest,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let token = try await provider.accessToken()
        let response = try await next(authorized(request, token), baseURL)
        guard response.status == 401 else { return response }
        let freshToken = try await provider.refreshedAccessToken(replacing: token)
        return try await next(authorized(request, freshToken), baseURL)
    }

    private func authorized(_ request: HTTPRequest, _ token: String) -> HTTPRequest {
        var request = request
        request.headers["Authorization"] = "Bearer \(token)"
        return request
    }
}
