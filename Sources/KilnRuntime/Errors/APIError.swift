import Foundation

/// The server answered with a status the operation does not treat as success.
///
/// Match on the status (`catch let error as APIError where error.status == 404`) and read the
/// documented error schema with `decodedBody(as:)`. Generated code stores whatever it decoded for
/// that status (a model, or a per-operation enum of error bodies) in `decodedBody`.
public struct APIError: Error, CustomStringConvertible {
    /// The OpenAPI `operationId` of the failed call.
    public let operationID: String
    /// The HTTP status code.
    public let status: Int
    /// Response headers.
    public let headers: HTTPFields
    /// The raw body, always available even when decoding failed.
    public let body: Data
    /// The body decoded by generated code for this status, if it had a schema and the body matched.
    public let decodedBody: (any Sendable)?

    /// Generated code usually calls `APIClientCore.apiError(for:operationID:decodedBody:)` instead.
    public init(operationID: String, status: Int, headers: HTTPFields = [:], body: Data = Data(), decodedBody: (any Sendable)? = nil) {
        self.operationID = operationID
        self.status = status
        self.headers = headers
        self.body = body
        self.decodedBody = decodedBody
    }

    /// Captures status, headers and body of `response`.
    public init(operationID: String, response: HTTPResponse, decodedBody: (any Sendable)? = nil) {
        self.init(operationID: operationID, status: response.status, headers: response.headers, body: response.body, decodedBody: decodedBody)
    }

    /// The decoded body if it is a `T`.
    public func decodedBody<T>(as type: T.Type) -> T? {
        decodedBody as? T
    }

    /// Decodes the raw body on demand, e.g. for undocumented error shapes.
    public func decodeBody<T: Decodable>(as type: T.Type, using decoder: JSONDecoder = JSONCoding.makeDecoder()) throws -> T {
        try decoder.decode(type, from: body)
    }

    /// The body as UTF-8 text, if it is valid UTF-8.
    public var bodyText: String? {
        String(data: body, encoding: .utf8)
    }

    public var description: String {
        let snippet = bodyText.map { $0.count > 500 ? String($0.prefix(500)) + "…" : $0 } ?? "<\(body.count) bytes>"
        return "\(operationID) failed with HTTP \(status)" + (snippet.isEmpty ? "" : ": \(snippet)")
    }
}
