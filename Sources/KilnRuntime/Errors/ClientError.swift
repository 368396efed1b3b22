import Foundation

/// The request could not be made or its response could not be understood (as opposed to
/// `APIError`, where the server gave a definite error answer).
public struct ClientError: Error, CustomStringConvertible {
    /// What went wrong, for programmatic handling.
    public enum Kind: String, Sendable, Hashable {
        /// Parameters or URL could not be encoded.
        case invalidRequest
        /// The request body could not be encoded.
        case encoding
        /// Network failure, or a middleware failed while sending.
        case transport
        /// Credentials could not be obtained (e.g. the OAuth 2 token endpoint refused).
        case authentication
        /// The response body did not match the expected schema.
        case decoding
        /// The response was not what the operation can handle (e.g. an unexpected content type).
        case unexpectedResponse
    }

    /// The failure category.
    public let kind: Kind
    /// The OpenAPI `operationId` of the failed call.
    public let operationID: String
    /// Human-readable; for decoding failures it names the coding path, e.g. `groups[3].name`.
    public let message: String
    /// The original error (e.g. `URLError`, `DecodingError`).
    public let underlyingError: (any Error)?
    /// The response, when one was received (decoding and unexpected-response failures).
    public let response: HTTPResponse?

    /// Prefer the factory methods and `APIClientCore` helpers, which fill in messages.
    public init(kind: Kind, operationID: String, message: String, underlyingError: (any Error)? = nil, response: HTTPResponse? = nil) {
        self.kind = kind
        self.operationID = operationID
        self.message = message
        self.underlyingError = underlyingError
        self.response = response
    }

    /// A `.decoding` error whose message explains where and why decoding `type` failed.
    public static func decoding(_ error: any Error, operationID: String, type: Any.Type, response: HTTPResponse? = nil) -> ClientError {
        ClientError(kind: .decoding, operationID: operationID, message: "Decoding \(type) failed: \(reason(for: error))", underlyingError: error, response: response)
    }

    /// A decoding error's path and cause, or any other error's description.
    static func reason(for error: any Error) -> String {
        (error as? DecodingError).map(DecodingErrorFormatter.describe) ?? "\(error)"
    }

    public var description: String {
        "\(operationID): \(message)"
    }
}
