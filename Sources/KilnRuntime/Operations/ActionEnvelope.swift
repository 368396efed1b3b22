import Foundation

/// How an envelope API (one URL, the body's `action` field picks the call) reports failure inside
/// a 2xx response: which field says so, and where the code, message and per-field details are.
public struct ActionFailureRule: Sendable, Hashable {
    public var statusField: String
    public var errorValue: String
    public var codeField: String
    public var messageField: String
    public var detailsField: String
    /// For a login action: dot path to the session token, which an error envelope may carry too
    /// (a login that still needs its second factor answers with an error and a token to verify).
    public var tokenPath: String?

    public init(
        statusField: String = "status", errorValue: String = "Error", codeField: String = "statuscode",
        messageField: String = "msg", detailsField: String = "data", tokenPath: String? = nil
    ) {
        self.statusField = statusField
        self.errorValue = errorValue
        self.codeField = codeField
        self.messageField = messageField
        self.detailsField = detailsField
        self.tokenPath = tokenPath
    }
}

/// An action the server answered with an error envelope, e.g. statuscode 113 with a message per field.
public struct ActionError: Error, CustomStringConvertible, Sendable {
    public let action: String
    /// The envelope's error code (`statuscode`); nil when it sent none or not a number.
    public let code: Int?
    /// The envelope's message (`msg`).
    public let message: String?
    /// Messages keyed by field name (the envelope's `data` when it is an object of strings).
    public let fieldMessages: [String: String]
    /// The session token a failed login still returned (e.g. `kmd` when the second factor is missing),
    /// to pass to the action that completes the login; nil for other actions.
    public let sessionToken: String?
    /// The whole envelope, for fields the rule does not name.
    public let envelope: JSONValue
    public let response: HTTPResponse

    public var description: String {
        var text = "Action '\(action)' failed"
        if let code { text += " with statuscode \(code)" }
        if let message, !message.isEmpty { text += ": \(message)" }
        if !fieldMessages.isEmpty {
            text += " (" + fieldMessages.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ") + ")"
        }
        return text
    }
}

extension APIClientCore {
    /// Sends one action of an envelope API and decodes the success envelope as `Body`. An error
    /// envelope throws `ActionError`; a non-2xx status throws `APIError` as for any operation.
    public func action<Body: Decodable & Sendable>(
        _ type: Body.Type, action: String, for request: HTTPRequest, operationID: String,
        failure: ActionFailureRule = ActionFailureRule(), errors: [ErrorBody] = []
    ) async throws -> Response<Body> {
        let response = try await json(JSONValue.self, for: request, operationID: operationID, errors: errors)
        let envelope = response.body
        if envelope[failure.statusField]?.stringValue == failure.errorValue {
            var details = envelope[failure.detailsField]?.objectValue ?? [:]
            let token = failure.tokenPath.flatMap { envelope.value(atPath: $0)?.stringValue }
            // A token is a secret, not a field message: keep it out of messages and descriptions.
            if let tokenPath = failure.tokenPath, tokenPath.hasPrefix(failure.detailsField + ".") {
                details[String(tokenPath.dropFirst(failure.detailsField.count + 1))] = nil
            }
            // Some servers send numbers as strings ("113"); the code is useful either way.
            let code = envelope[failure.codeField].flatMap { $0.int64Value.map(Int.init) ?? $0.stringValue.flatMap { Int($0) } }
            throw ActionError(
                action: action, code: code,
                message: envelope[failure.messageField]?.stringValue,
                fieldMessages: details.compactMapValues(\.stringValue),
                sessionToken: token, envelope: envelope,
                response: HTTPResponse(status: response.status, headers: response.headers, body: response.rawBody))
        }
        let body = try decodeJSON(
            type, from: HTTPResponse(status: response.status, headers: response.headers, body: response.rawBody),
            operationID: operationID)
        return Response(status: response.status, headers: response.headers, body: body, rawBody: response.rawBody)
    }

    /// A value configured in `ClientConfiguration.fixedBodyFields`, as the type the request model wants.
    public func fixedBodyField<Value: Decodable>(_ name: String, as type: Value.Type, operationID: String) throws(ClientError) -> Value {
        guard let value = configuration.fixedBodyFields[name] else {
            throw ClientError(
                kind: .invalidRequest, operationID: operationID,
                message: "The client has no value for '\(name)', which every request body carries; set it when creating the client")
        }
        do {
            return try value.decode(as: type)
        } catch {
            throw ClientError(
                kind: .invalidRequest, operationID: operationID,
                message: "The client's value for '\(name)' is not a \(type): \(error)", underlyingError: error)
        }
    }
}
