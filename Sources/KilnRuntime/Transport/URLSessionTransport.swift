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

        /// Unread bytes of a streamed response at which the download pauses (effective on Darwin).
        public var streamBufferLimit: Int
        /// Unread bytes held in memory at most: where pausing does not stop delivery (FoundationNetworking
        /// on Linux), what arrives beyond it waits in a temporary file until the reader catches up.
        public var streamBufferCeiling: Int

        /// Timeouts in seconds, buffer sizes in bytes.
        public init(
            requestTimeout: TimeInterval = 60, resourceTimeout: TimeInterval = 300,
            streamBufferLimit: Int = 1 << 20, streamBufferCeiling: Int = 32 << 20
        ) {
            self.requestTimeout = requestTimeout
            self.resourceTimeout = resourceTimeout
            self.streamBufferLimit = streamBufferLimit
            self.streamBufferCeiling = max(streamBufferCeiling, streamBufferLimit)
        }
    }

    private let session: URLSession
    private let ownsSession: Bool
    private let streamLimits: (pause: Int, ceiling: Int)
    /// Streamed calls need a session with a delegate; made on first use, with `session`'s configuration.
    private let streaming = StreamingSession()

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
        self.streamLimits = (configuration.streamBufferLimit, configuration.streamBufferCeiling)
    }

    /// Uses a caller-provided session (not invalidated by this transport). Streamed calls use a session
    /// of this transport's own with the same configuration, because streaming needs a session delegate.
    public init(session: URLSession, streamBufferLimit: Int = 1 << 20, streamBufferCeiling: Int = 32 << 20) {
        self.session = session
        self.ownsSession = false
        self.streamLimits = (streamBufferLimit, max(streamBufferCeiling, streamBufferLimit))
    }

    deinit {
        if ownsSession { session.finishTasksAndInvalidate() }
        streaming.invalidate()
    }

    /// A `bodyStream` is read a chunk at a time as it is sent (see `URLSessionUpload`).
    public var streamsRequestBodies: Bool { true }

    public func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        let urlRequest = try Self.makeURLRequest(request, baseURL: baseURL)
        let session = session
        let upload = try URLSessionUpload.prepare(request.bodyStream)
        defer { upload?.remove() }
        let (data, response) =
            if let upload { try await upload.send(urlRequest, in: session) } else { try await session.data(for: urlRequest) }
        guard let httpResponse = response as? HTTPURLResponse else {
            throw URLError(.badServerResponse)
        }
        return HTTPResponse(status: httpResponse.statusCode, headers: Self.headers(of: httpResponse), body: data)
    }

    /// Streams the body through a data-task delegate with bounded buffering: a reader that falls
    /// `streamBufferLimit` behind pauses the download where URLSession can (Darwin), and one that
    /// falls `streamBufferCeiling` behind has the rest spooled to a temporary file (see `StreamedTask`).
    /// Cancelling the calling task before the head arrives, or the reading task later, cancels the request.
    public func stream(_ request: HTTPRequest, baseURL: URL) async throws -> (HTTPResponse, ResponseBody) {
        let (response, body, _) = try await startStream(request, baseURL: baseURL)
        return (response, body)
    }

    /// `stream` that also hands out the task's state, for tests of the buffering bound.
    func startStream(_ request: HTTPRequest, baseURL: URL) async throws -> (HTTPResponse, ResponseBody, StreamedTask) {
        let urlRequest = try Self.makeURLRequest(request, baseURL: baseURL)
        let (session, delegate) = streaming.session(configuration: session.configuration)
        // The task reads its body while it runs; a temporary file goes once the task has completed.
        let upload = try URLSessionUpload.prepare(request.bodyStream)
        let task = upload?.task(urlRequest, in: session) ?? session.dataTask(with: urlRequest)
        let onCompleted: @Sendable () -> Void = { upload?.remove() }
        let (chunks, continuation) = AsyncThrowingStream.makeStream(of: Data.self, throwing: (any Error).self)
        let state = StreamedTask(task: task, limits: streamLimits, continuation: continuation, onCompleted: onCompleted)
        // The reader stopped (left its loop, dropped the body, was cancelled): close the connection.
        continuation.onTermination = { termination in
            if case .cancelled = termination { state.abandon() }
        }
        delegate.register(state, for: task)
        let response = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { state.start($0) }
        } onCancel: {
            task.cancel()
        }
        return (response, ResponseBody(chunks, onConsumed: state.consumed, onAbandoned: state.abandon), state)
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
