import Foundation

/// Sends an API key as a header, query item or cookie (OpenAPI `apiKey` security scheme).
public struct APIKeyMiddleware: ClientMiddleware {
    /// Where the key goes, as in the scheme's `in`.
    public enum Location: Sendable, Hashable {
        case header
        case query
        case cookie
    }

    /// Header, query or cookie name.
    public let name: String
    /// Where the key is sent.
    public let location: Location
    private let value: String

    /// The value is sent verbatim in a header, percent-encoded in a query or cookie.
    public init(name: String, value: String, location: Location) {
        self.name = name
        self.value = value
        self.location = location
    }

    public func intercept(
        _ request: HTTPRequest,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        switch location {
        case .header:
            request.headers[name] = value
        case .query:
            request.query.append(name, value)
        case .cookie:
            CookieEncoder.append(CookieEncoder.encode(name: name, value), to: &request.headers)
        }
        return try await next(request, baseURL)
    }
}
