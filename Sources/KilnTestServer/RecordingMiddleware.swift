import Foundation
import KilnRuntime

/// A middleware that tells `log` "`name`>" on the way in and "<`name`" on the way out, and tags the
/// request with `X-Trace: name`: tests see the order middlewares ran in and that a request passed them.
public struct RecordingMiddleware: ClientMiddleware {
    public let name: String
    private let log: @Sendable (String) -> Void

    public init(name: String, log: @escaping @Sendable (String) -> Void) {
        self.name = name
        self.log = log
    }

    public func intercept(
        _ request: HTTPRequest, baseURL: URL, operationID: String, next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        log("\(name)>")
        var request = request
        request.headers.append(name: "X-Trace", value: name)
        let response = try await next(request, baseURL)
        log("<\(name)")
        return response
    }
}
