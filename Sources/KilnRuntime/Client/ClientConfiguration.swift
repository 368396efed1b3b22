import Foundation

/// Everything a generated client needs to talk to one server.
public struct ClientConfiguration: Sendable {
    /// Server URL that request paths are appended to, e.g. `https://api.example.com/v1`.
    public var baseURL: URL
    /// Sends requests; `URLSessionTransport` by default.
    public var transport: any HTTPTransport
    /// Outermost first.
    public var middlewares: [any ClientMiddleware]
    /// Added to each request unless the request already has a field of the same name.
    public var defaultHeaders: HTTPFields
    /// Factories rather than shared instances: coders are reference types with mutable settings.
    public var makeEncoder: @Sendable () -> JSONEncoder
    public var makeDecoder: @Sendable () -> JSONDecoder
    /// Values an envelope API expects in every request body (`x-kiln-actions.fixed`, e.g. the
    /// action API's `accessType`), set once per client instead of passed to every call.
    public var fixedBodyFields: [String: JSONValue] = [:]
    /// What counts as a secret in the messages of thrown errors (a transport error quotes the URL); use the
    /// same one as `LoggingMiddleware` when you add names.
    public var redactor = Redactor()

    /// Sets one of `fixedBodyFields` from a model value; one that cannot be encoded becomes null,
    /// which the first call reports as an invalid request.
    public mutating func setFixedBodyField(_ name: String, _ value: some Encodable) {
        fixedBodyFields[name] = (try? JSONValue(encoding: value)) ?? .null
    }

    /// Defaults: `URLSessionTransport`, no middlewares, `JSONCoding` coders.
    public init(
        baseURL: URL,
        transport: any HTTPTransport = URLSessionTransport(),
        middlewares: [any ClientMiddleware] = [],
        defaultHeaders: HTTPFields = [:],
        makeEncoder: @escaping @Sendable () -> JSONEncoder = JSONCoding.makeEncoder,
        makeDecoder: @escaping @Sendable () -> JSONDecoder = JSONCoding.makeDecoder
    ) {
        self.baseURL = baseURL
        self.transport = transport
        self.middlewares = middlewares
        self.defaultHeaders = defaultHeaders
        self.makeEncoder = makeEncoder
        self.makeDecoder = makeDecoder
    }
}
