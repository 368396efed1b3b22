import Foundation

/// Runs a middleware for every operation except some: an auth middleware must not send credentials to
/// operations whose spec says they need none (`security: []` on a login call) or need another scheme.
public struct OperationFilterMiddleware: ClientMiddleware {
    private let wrapped: any ClientMiddleware
    private let skippedOperationIDs: Set<String>

    public init(_ wrapped: any ClientMiddleware, skipping skippedOperationIDs: Set<String>) {
        self.wrapped = wrapped
        self.skippedOperationIDs = skippedOperationIDs
    }

    public func intercept(
        _ request: HTTPRequest,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        if skippedOperationIDs.contains(operationID) { return try await next(request, baseURL) }
        return try await wrapped.intercept(request, baseURL: baseURL, operationID: operationID, next: next)
    }
}

extension ClientMiddleware {
    /// This middleware for every operation but the given ones.
    public func skipping(_ operationIDs: Set<String>) -> any ClientMiddleware {
        operationIDs.isEmpty ? self : OperationFilterMiddleware(self, skipping: operationIDs)
    }
}
