import Foundation

/// A fully received response.
public struct HTTPResponse: Hashable, Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Request headers (generated code sets `Content-Type`/`Accept`).
    public var headers: HTTPFields
    /// The complete body (empty for HEAD and 204).
    public var body: Data

    /// A response, e.g. from a custom transport or a test.
    public init(status: Int, headers: HTTPFields = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The media type without parameters, lowercased: `application/json` for `Application/JSON; charset=utf-8`.
    public var mediaType: String? {
        headers["Content-Type"].map { $0.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}
