/// An HTTP request method. A struct rather than an enum so specs may use any token.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The method token, e.g. `GET`.
    public let rawValue: String

    /// Methods are case-sensitive tokens (RFC 9110 §9.1), so the value is kept verbatim.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// The standard methods of RFC 9110 and RFC 5789 (`PATCH`).
    public static let get: HTTPMethod = "GET"
    public static let head: HTTPMethod = "HEAD"
    public static let post: HTTPMethod = "POST"
    public static let put: HTTPMethod = "PUT"
    public static let patch: HTTPMethod = "PATCH"
    public static let delete: HTTPMethod = "DELETE"
    public static let options: HTTPMethod = "OPTIONS"
    public static let trace: HTTPMethod = "TRACE"

    /// Whether repeating the request has the same effect as sending it once (RFC 9110 §9.2.2),
    /// which is what makes automatic retries safe.
    public var isIdempotent: Bool {
        [Self.get, .head, .put, .delete, .options, .trace].contains(self)
    }

    public var description: String { rawValue }
}
