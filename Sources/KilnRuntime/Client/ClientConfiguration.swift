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
