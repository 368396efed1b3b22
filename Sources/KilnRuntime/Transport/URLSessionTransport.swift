import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An `HTTPTransport` over `URLSession` (FoundationNetworking on Linux).
public final class URLSessionTransport: HTTPTransport {
    /// Tuning for the session this transport creates.
    public struct Configuration: Sendable {
        /// Maximum idle time between bytes of a request/response.
        public var requestTimeout: TimeInterval
        /// Maximum total time for one request including retries inside URLSession.
        public var resourceTimeout: TimeInterval

        /// Timeouts in seconds.
        public init(requestTimeout: TimeInterval = 60, resourceTimeout: TimeInterval = 300) {
            self.requestTimeout = requestTimeout
            self.resourceTimeout = resourceTimeout
        }
    }

    private let session: URLSession
    private let ownsSession: Bool

    /// Creates a transport with its own ephemeral session. Cookies and caching are disabled so the
    /// generated client (and its middlewares) alone decide which headers are sent.
    public init(configuration: Configuration = Configuration()) {
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.requestTimeout
        sessionConfiguration.timeoutIntervalForResource = configuration.resourceTimeout
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.httpShouldSetCookies = false
        sessionConfiguration.urlCache = nil
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.session = URLSession(configuration: sessionConfiguration)
        self.ownsSession = true
    }

    /// Uses a caller-provided session (not invalidated by this transport).
    public init(session: URLSession) {
        self.session = session
        self.ownsSession = false
    }

    deinit {
        if ownsSession { session.finishTasksAndInvalidate() }
    }

    public func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        let urlRequest = try Self.makeURLRequest(request, baseURL: baseURL)
        let (data, response) = try await session.data(for: urlRequest)
        guard let httpResponse = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        return HTTPResponse(status: httpResponse.statusCode, headers: Self.headers(of: httpResponse), body: data)
    }

    static func makeURLRequest(_ request: HTTPRequest, baseURL: URL) throws -> URLRequest {
        var urlRequest = URLRequest(url: try request.url(relativeTo: baseURL))
        urlRequest.httpMethod = request.method.rawValue
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.httpBody = request.body
        return urlRequest
    }

    /// Foundation merges repeated headers into one comma-joined value and loses order; fields are
    /// sorted by name so the result is at least deterministic.
    static func headers(of response: HTTPURLResponse) -> HTTPFields {
        let pairs = response.allHeaderFields.compactMap { key, value -> HTTPField? in
            guard let name = key as? String else { return nil }
            return HTTPField(name: name, value: "\(value)")
        }
        return HTTPFields(pairs.sorted { $0.name.lowercased() < $1.name.lowercased() })
    }
}
