import Foundation
import KilnRuntime

/// The body of an envelope API's one URL (`x-kiln-actions`): the request, a `oneOf` discriminated by
/// its action field, and the session token the client's runtime added beside the request's own fields.
public struct ActionRequestBody<Body: Sendable>: Sendable {
    public var body: Body
    /// The discriminator's value (`list`), which picks the handler method.
    public var action: String
    /// The body's session field (`kmd`) when it is a string; nil when the client sent none.
    public var sessionToken: String?
}

extension ServerRequestInputs {
    /// Decodes the whole envelope once. An action the request type does not know is a `ServerInputError`
    /// naming `discriminator`, as is a missing body or one that is not JSON.
    public func actionBody<Body: Decodable & Sendable>(
        _ type: Body.Type, discriminator: String, sessionField: String? = nil
    ) throws -> ActionRequestBody<Body> {
        guard !request.body.isEmpty else { throw ServerInputError("request body is required") }
        try requireJSONContentType()
        let decoder = JSONCoding.makeDecoder()
        decoder.userInfo[ActionEnvelopeFields.key] = ActionEnvelopeFields(discriminator: discriminator, sessionField: sessionField)
        do {
            let envelope = try decoder.decode(ActionEnvelope<Body>.self, from: request.body)
            return ActionRequestBody(body: envelope.body, action: envelope.action, sessionToken: envelope.sessionToken)
        } catch OneOfDecodingError.unknownDiscriminator(let value, _, let codingPath) where codingPath.isEmpty {
            throw ServerInputError("request body field '\(discriminator)': unknown action '\(value)'")
        } catch {
            throw ServerInputError("request body", error)
        }
    }
}

/// Which top-level fields `ActionEnvelope` reads beside the request, handed over in the decoder's `userInfo`.
private struct ActionEnvelopeFields: Sendable {
    static let key = CodingUserInfoKey(rawValue: "kiln.actionEnvelopeFields")!
    var discriminator: String
    var sessionField: String?
}

/// The request and, from the same parse, the discriminator and session fields.
private struct ActionEnvelope<Body: Decodable>: Decodable {
    var body: Body
    var action: String
    var sessionToken: String?

    init(from decoder: any Decoder) throws {
        let fields = decoder.userInfo[ActionEnvelopeFields.key] as? ActionEnvelopeFields
        body = try Body(from: decoder)
        let container = try decoder.container(keyedBy: FieldKey.self)
        action = fields.flatMap { try? container.decodeIfPresent(String.self, forKey: FieldKey($0.discriminator)) } ?? ""
        sessionToken = fields?.sessionField.flatMap { try? container.decodeIfPresent(String.self, forKey: FieldKey($0)) }
    }

    private struct FieldKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
