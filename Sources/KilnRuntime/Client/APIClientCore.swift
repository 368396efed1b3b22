import Foundation

/// The engine each generated API client holds: runs middlewares and the transport, and turns
/// bodies into models (and failures into `ClientError` / `APIError`) the same way for every operation.
public final class APIClientCore: Sendable {
    /// Base URL, transport, middlewares, default headers and coders.
    public let configuration: ClientConfiguration
    /// The token a login operation stored (`x-kiln-login`, `x-kiln-actions.login`); a
    /// `SessionTokenMiddleware` in the chain sends it. Unused by APIs without a login.
    public let session: SessionTokenStore

    /// Generated clients create one and keep it for their lifetime.
    public init(configuration: ClientConfiguration, session: SessionTokenStore = SessionTokenStore()) {
        self.configuration = configuration
        self.session = session
    }

    /// Shorthand with default headers and JSON coders.
    public convenience init(baseURL: URL, transport: any HTTPTransport = URLSessionTransport(), middlewares: [any ClientMiddleware] = []) {
        self.init(configuration: ClientConfiguration(baseURL: baseURL, transport: transport, middlewares: middlewares))
    }

    /// Sends `request` through the middleware chain and the transport.
    ///
    /// Returns every response, whatever its status. Throws `CancellationError` when cancelled,
    /// errors that are already `ClientError` or `APIError` unchanged, and wraps anything else
    /// in `ClientError` (`.invalidRequest` for URL problems, `.authentication` for
    /// `AuthenticationFailure`s, `.transport` otherwise).
    public func send(_ request: HTTPRequest, operationID: String) async throws -> HTTPResponse {
        let transport = configuration.transport
        return try await run(request, operationID: operationID) { request, baseURL in
            try await transport.send(transport.streamsRequestBodies ? request : request.bufferingBodyStream(), baseURL: baseURL)
        }
    }

    /// Sends `request` through the middleware chain and the transport's streaming path; returns once
    /// the head has arrived. Middlewares see the status and headers; the response they get from `next`
    /// has an empty `body` (the bytes are in the returned `ResponseBody`, read once by the caller).
    /// Throws as `send` does; a middleware that answers without calling `next` gives its body as one chunk.
    public func stream(_ request: HTTPRequest, operationID: String) async throws -> (HTTPResponse, ResponseBody) {
        let transport = configuration.transport
        let streamed = StreamedBody()
        let head = try await run(request, operationID: operationID) { request, baseURL in
            let sent = transport.streamsRequestBodies ? request : try request.bufferingBodyStream()
            let (head, body) = try await transport.stream(sent, baseURL: baseURL)
            streamed.set(body)
            return head
        }
        guard let body = streamed.take() else { return (head, ResponseBody(head.body)) }
        var emptied = head
        emptied.body = Data()
        return (emptied, body)
    }

    private func run(
        _ request: HTTPRequest, operationID: String, transport: @escaping @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        request.headers.addMissing(from: configuration.defaultHeaders)
        let chain = makeChain(operationID: operationID, transport: transport)
        do {
            return try await chain(request, configuration.baseURL)
        } catch {
            throw classified(error, operationID: operationID)
        }
    }

    /// What a failure of sending (or of reading a streamed body) throws: `ClientError`, `APIError` and
    /// cancellation as they are, anything else wrapped in a `ClientError` of the fitting kind.
    func classified(_ error: any Error, operationID: String) -> any Error {
        switch error {
        case let error as ClientError: return error
        case let error as APIError: return error
        case is CancellationError: return CancellationError()
        case let error as any AuthenticationFailure:
            return ClientError(kind: .authentication, operationID: operationID, message: "Authentication failed: \(error)", underlyingError: error)
        case let error as InvalidURLError:
            return ClientError(kind: .invalidRequest, operationID: operationID, message: error.description, underlyingError: error)
        default:
            if Task.isCancelled { return CancellationError() }
            // The message is what apps print: keep query secrets the error quotes out of it.
            let description = configuration.redactor.redactedText(String(describing: error))
            return ClientError(kind: .transport, operationID: operationID, message: "Request failed: \(description)", underlyingError: error)
        }
    }

    private func makeChain(
        operationID: String, transport: @escaping @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) -> @Sendable (HTTPRequest, URL) async throws -> HTTPResponse {
        var next = transport
        for middleware in configuration.middlewares.reversed() {
            let inner = next
            next = { request, baseURL in
                try await middleware.intercept(request, baseURL: baseURL, operationID: operationID, next: inner)
            }
        }
        return next
    }

    /// Encodes a JSON request body with the configured encoder.
    public func encodeJSON<Body: Encodable>(_ body: Body, operationID: String) throws(ClientError) -> Data {
        do {
            let encoder = configuration.makeEncoder()
            encoder.userInfo[.kilnRequestBody] = true
            return try encoder.encode(body)
        } catch {
            throw ClientError(kind: .encoding, operationID: operationID, message: "Encoding the request body failed: \(error)", underlyingError: error)
        }
    }

    /// Decodes a JSON response body with the configured decoder; the error names the coding path.
    /// An empty body reads as `{}` when the type accepts that (a model whose fields are all optional), as
    /// specs often assume a reply's shape that a real server leaves empty; otherwise it is a decoding error.
    public func decodeJSON<Body: Decodable>(_ type: Body.Type, from response: HTTPResponse, operationID: String) throws(ClientError) -> Body {
        let decoder = configuration.makeDecoder()
        if response.body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }),
            let empty = try? decoder.decode(type, from: Data("{}".utf8))
        {
            return empty
        }
        do {
            return try decoder.decode(type, from: response.body)
        } catch {
            throw ClientError.decoding(error, operationID: operationID, type: type, response: response)
        }
    }

    /// Best-effort decoding of a documented error schema: nil when the body does not match,
    /// because the status code alone must still reach the caller as an `APIError`.
    public func decodeErrorBody<Body: Decodable & Sendable>(_ type: Body.Type, from response: HTTPResponse) -> Body? {
        try? configuration.makeDecoder().decode(type, from: response.body)
    }

    /// The error for a response that is not a documented success.
    public func apiError(for response: HTTPResponse, operationID: String, decodedBody: (any Sendable)? = nil) -> APIError {
        APIError(operationID: operationID, response: response, decodedBody: decodedBody)
    }
}

/// The body of the latest streamed attempt: a middleware that retries replaces it, and the one
/// dropped closes its connection.
private final class StreamedBody: @unchecked Sendable {
    private let lock = NSLock()
    private var body: ResponseBody?

    func set(_ body: ResponseBody) {
        lock.withLock { self.body = body }
    }

    func take() -> ResponseBody? {
        lock.withLock { body }
    }
}
