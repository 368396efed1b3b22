import KilnGenerator
import Testing

/// `--mode server` for an `x-kiln-actions` operation: one handler method per action, dispatched by the
/// envelope's action from one route.
@Suite struct ServerActionTests {
    /// Two actions share a request component (create, update), one is renamed (verifyauth) and logs in,
    /// and the error envelope is the success body's variant whose `status` is `const: Error`.
    static func yaml(session: Bool = true) -> String {
        """
        openapi: 3.1.0
        info: {title: Envelope, version: "1"}
        \(session ? "x-kiln-session: {in: body, name: kmd}" : "")
        paths:
          /:
            post:
              operationId: perform
              x-kiln-actions:
                discriminator: action
                names: {verifyauth: verifyAuth}
                responses: {list: ListResponse, verifyauth: RecordResult, create: RecordResult, update: RecordResult}
                login:
                  verifyauth: {token: data.kmd}
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      oneOf:
                        - $ref: '#/components/schemas/ListRequest'
                        - $ref: '#/components/schemas/VerifyRequest'
                        - $ref: '#/components/schemas/RecordRequest'
                      discriminator:
                        propertyName: action
                        mapping:
                          list: '#/components/schemas/ListRequest'
                          verifyauth: '#/components/schemas/VerifyRequest'
                          create: '#/components/schemas/RecordRequest'
                          update: '#/components/schemas/RecordRequest'
              responses:
                "200":
                  description: envelope
                  content:
                    application/json:
                      schema:
                        anyOf:
                          - $ref: '#/components/schemas/Failure'
                          - $ref: '#/components/schemas/ListResponse'
                          - $ref: '#/components/schemas/RecordResult'
                default:
                  description: other status
                  content: {application/json: {schema: {$ref: '#/components/schemas/Failure'}}}
        components:
          schemas:
            ListRequest: {type: object, required: [action], properties: {action: {type: string}, limit: {type: integer}}}
            VerifyRequest: {type: object, required: [action, token], properties: {action: {type: string}, token: {type: string}}}
            RecordRequest: {type: object, required: [action, id], properties: {action: {type: string}, id: {type: integer}}}
            ListResponse: {type: object, properties: {status: {type: string}, data: {type: array, items: {type: string}}}}
            RecordResult: {type: object, properties: {status: {type: string}, data: {type: object, properties: {kmd: {type: string}}}}}
            Failure: {type: object, required: [status], properties: {status: {type: string, const: Error}, msg: {type: string}}}
        """
    }

    private func server(session: Bool = true) throws -> String {
        try generatedSwift(Self.yaml(session: session), GeneratorConfiguration(mode: .server, clientModule: "Envelope"))
    }

    @Test func oneHandlerMethodPerActionNamedLikeTheClients() throws {
        let code = try server()
        for (method, type) in [("list", "List"), ("verifyAuth", "VerifyAuth"), ("create", "Create"), ("update", "Update")] {
            #expect(code.contains("func \(method)(_ input: EnvelopeOperations.\(type).Input) async throws -> EnvelopeOperations.\(type).Output"))
            #expect(code.contains("public var \(method)Stub: (@Sendable (EnvelopeOperations.\(type).Input) async throws -> EnvelopeOperations.\(type).Output)?"))
        }
        #expect(!code.contains("func perform("))
        #expect(code.contains(#"throw ServerNotImplemented(operationID: "perform: verifyauth")"#))
    }

    @Test func inputIsTheTypedRequestAndTheSessionToken() throws {
        let code = try server()
        #expect(code.contains("public init(body: RecordRequest, sessionToken: String? = nil)"))
        #expect(code.contains("public init(body: VerifyRequest, sessionToken: String? = nil)"))
        #expect(!(try server(session: false)).contains("sessionToken"))
    }

    /// Success and the error envelope both go out with the documented 200; `default` stays reachable.
    @Test func outputIsTheResultOrTheErrorEnvelope() throws {
        let code = try server()
        #expect(code.contains("case success(_ body: ListResponse, headers: HTTPFields = [:])"))
        #expect(code.contains("case success(_ body: RecordResult, headers: HTTPFields = [:])"))
        #expect(code.contains("case failure(_ body: Failure, headers: HTTPFields = [:])"))
        #expect(code.contains("case status(status: Int, _ body: Failure, headers: HTTPFields = [:])"))
        #expect(code.contains(#"case .failure(let body, let headers):"# + "\n" + #"                    return try .json(200, body, contentType: "application/json", headers: headers)"#))
    }

    @Test func oneRouteDecodesTheEnvelopeOnceAndDispatches() throws {
        let code = try server()
        #expect(code.contains(#"ServerRoute(method: "POST", template: "/", operationID: "perform")"#))
        #expect(code.contains(#"discriminator: "action", sessionField: "kmd")"#))
        #expect(code.components(separatedBy: "inputs.actionBody(").count == 2)
        #expect(code.contains("switch envelope.body {"))
        // A shared request component: its actions are told apart by the action's value.
        #expect(code.contains(#"case .recordRequest(let body) where envelope.action == "create":"#))
        #expect(code.contains("case .recordRequest(let body):\n"))
        #expect(code.contains("return try await handler.update(input).serverResponse()"))
        // Every variant has a method: no fallback case.
        #expect(!code.contains("no method answers action"))
        #expect(!(try server(session: false)).contains("sessionField:"))
    }

    @Test func roundTripsCallEachActionAndSendAnUnknownOne() throws {
        var configuration = GeneratorConfiguration(mode: .tests, clientModule: "Envelope")
        configuration.serverModule = "EnvelopeServer"
        let code = try generatedSwift(Self.yaml(), configuration)
        #expect(code.contains("handler.listStub = { input in"))
        #expect(code.contains("let result = try await client.list()"))
        #expect(code.contains(#"await client.session.setToken("round-trip-session")"#))
        #expect(code.contains("let result = try await client.verifyAuth(token: "))
        #expect(code.contains(##"body: Data(#"{"action":"kiln-unknown-action"}"#.utf8)"##))
        #expect(code.contains(#"contains("request body field 'action': unknown action 'kiln-unknown-action'")"#))
    }
}
