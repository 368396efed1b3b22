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
        var request = request
        request.headers.addMissing(from: configuration.defaultHeaders)
        let chain = makeChain(operationID: operationID)
        do {
            return try await chain(request, configuration.baseURL)
        } catch let error as ClientError {
            throw error
        } catch let error as APIError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as any AuthenticationFailure {
            throw ClientError(kind: .authentication, operationID: operationID, message: "Authentication failed: \(error)", underlyingError: error)
        } catch let error as InvalidURLError {
            throw ClientError(kind: .invalidRequest, operationID: operationID, message: error.description, underlyingError: error)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            // The message is what apps print: keep query secrets the error quotes out of it.
            let description = configuration.redactor.redactedText(String(describing: error))
            throw ClientError(kind: .transport, operationID: operationID, message: "Request failed: \(description)", underlyingError: error)
        }
    }

    private func makeChain(operationID: String) -> @Sendable (HTTPRequest, URL) async throws -> HTTPResponse {
        let transport = configuration.transport
        var next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse = { request, baseURL in
            try await transport.send(request, baseURL: baseURL)
        }
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
