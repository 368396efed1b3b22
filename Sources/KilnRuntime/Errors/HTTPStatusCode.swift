/// An HTTP status with names for the common ones, so documented error statuses read as cases:
/// `catch let error as APIError where error.code == .notFound`, or `switch error.code { case .forbidden: ... }`.
public struct HTTPStatusCode: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public init(integerLiteral value: Int) { self.rawValue = value }

    public static let ok: HTTPStatusCode = 200
    public static let created: HTTPStatusCode = 201
    public static let accepted: HTTPStatusCode = 202
    public static let noContent: HTTPStatusCode = 204
    public static let badRequest: HTTPStatusCode = 400
    public static let unauthorized: HTTPStatusCode = 401
    public static let forbidden: HTTPStatusCode = 403
    public static let notFound: HTTPStatusCode = 404
    public static let methodNotAllowed: HTTPStatusCode = 405
    public static let conflict: HTTPStatusCode = 409
    public static let gone: HTTPStatusCode = 410
    public static let preconditionFailed: HTTPStatusCode = 412
    public static let contentTooLarge: HTTPStatusCode = 413
    public static let unprocessableContent: HTTPStatusCode = 422
    public static let tooManyRequests: HTTPStatusCode = 429
    public static let internalServerError: HTTPStatusCode = 500
    public static let notImplemented: HTTPStatusCode = 501
    public static let badGateway: HTTPStatusCode = 502
    public static let serviceUnavailable: HTTPStatusCode = 503
    public static let gatewayTimeout: HTTPStatusCode = 504

    public var isClientError: Bool { (400..<500).contains(rawValue) }
    public var isServerError: Bool { (500..<600).contains(rawValue) }
    public var description: String { String(rawValue) }
}

extension APIError {
    /// The status as a matchable value (`.notFound`, `.forbidden`, ...).
    public var code: HTTPStatusCode { HTTPStatusCode(status) }
}
