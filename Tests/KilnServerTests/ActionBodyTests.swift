import Foundation
import KilnRuntime
import KilnServer
import Testing

/// `actionBody`: the envelope API's request, its action and the session token from one parse.
@Suite struct ActionBodyTests {
    struct ListRequest: Codable, Equatable, Sendable {
        var action: String
        var model: String
    }

    /// A discriminated request as the generator emits it: an unknown action is `unknownDiscriminator`.
    enum Request: Codable, Equatable, Sendable {
        case list(ListRequest)

        init(from decoder: any Decoder) throws {
            switch try decoder.discriminator("action") {
            case "list": self = .list(try ListRequest(from: decoder))
            case let value: throw OneOfDecodingError.unknownDiscriminator(value, type: "Request", codingPath: decoder.codingPath)
            }
        }

        func encode(to encoder: any Encoder) throws {
            if case .list(let value) = self { try value.encode(to: encoder) }
        }
    }

    struct Decoded: Codable, Equatable, Sendable {
        var request: Request
        var action: String
        var sessionToken: String?
    }

    static let router = ServerRouter.decoding("/", method: "POST") { inputs in
        let envelope = try inputs.actionBody(Request.self, discriminator: "action", sessionField: "kmd")
        return Decoded(request: envelope.body, action: envelope.action, sessionToken: envelope.sessionToken)
    }

    private func post(_ json: String, contentType: String = "application/json") async -> ServerResponse {
        await Self.router.respond(
            to: ServerRequest(method: "POST", path: "/", headers: ["Content-Type": contentType], body: Data(json.utf8)))
    }

    @Test func requestActionAndSessionToken() async throws {
        let response = await post(#"{"kmd":"token-1","action":"list","model":"Subaccount"}"#)
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        #expect(
            try response.decoded(Decoded.self)
                == Decoded(request: .list(ListRequest(action: "list", model: "Subaccount")), action: "list", sessionToken: "token-1"))
    }

    @Test func noSessionFieldIsNil() async throws {
        let response = await post(#"{"action":"list","model":"Subaccount"}"#)
        #expect(try response.decoded(Decoded.self).sessionToken == nil)
    }

    @Test func unknownActionIs400NamingTheField() async {
        let response = await post(#"{"action":"explode","model":"Subaccount"}"#)
        #expect(response.status == 400)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.detail == "request body field 'action': unknown action 'explode'")
    }

    @Test func missingActionIs400NamingTheField() async {
        let response = await post(#"{"model":"Subaccount"}"#)
        #expect(response.status == 400)
        #expect(response.detail == "request body field 'action': is required")
    }

    @Test func emptyOrNonJSONBodyIs400() async {
        #expect(await post("").detail == "request body is required")
        #expect(await post("action=list", contentType: "application/x-www-form-urlencoded").status == 400)
    }
}
