import KilnOpenAPI

/// Round trips of an `x-kiln-actions` operation, one per action: the client's action method against the
/// server's method for it. The handler must receive the typed request the example describes (its fixed
/// field filled in by the client) and the session token; the client must decode the example result, and
/// throw `ActionError` for each documented error envelope the handler returns. One more test sends an
/// action the request type does not know: a 400 problem naming the discriminator.
extension RoundTripTestTranslator {
    /// A token the tests store in the client before a call that is not a login, so it must reach the handler.
    static let sessionToken = "round-trip-session"

    func actionTests(
        _ operation: ServerNames.Operation, group: ClientTranslator.Group, names: ServerNames, sessionField: String?,
        scope: inout NameScope
    ) -> [Declaration] {
        var tests: [Declaration] = []
        for action in operation.actions {
            let title = "\(operation.signature.method.token) \(operation.signature.path) \(action.call.discriminator): \(action.call.action)"
            let bare = SwiftNaming.unescaped(action.call.name)
            tests.append(
                successTest(
                    operation.signature, action, group: group, names: names, sessionField: sessionField, title: title,
                    name: scope.claim(SwiftNaming.memberName("\(bare) action"))))
            for (key, reply) in contract.errorExamples(operation.signature, action.call) {
                tests.append(
                    failureTest(
                        operation.signature, action, reply: reply, group: group, names: names, title: "\(title) fails (\(key))",
                        name: scope.claim(SwiftNaming.memberName("\(bare) action \(key.isEmpty ? "error" : key)"))))
            }
        }
        if let discriminator = operation.actions.first?.call.discriminator {
            tests.append(
                unknownActionTest(
                    operation.signature, discriminator: discriminator, names: names,
                    name: scope.claim(SwiftNaming.memberName("\(operation.signature.operationID) unknown action"))))
        }
        return tests
    }

    private func successTest(
        _ signature: OperationTranslator.Signature, _ action: ServerNames.Action, group: ClientTranslator.Group,
        names: ServerNames, sessionField: String?, title: String, name: String
    ) -> Declaration {
        let call = action.call
        let qualified = "\(names.operations).\(action.typeName)"
        let (arguments, expectedBody) = contract.callArguments(call, contract.examplesOfAction(signature, call).first?.value)
        let reply = contract.responseExample(signature, call) ?? call.responseSchema.map { contract.samples.sample(for: $0) } ?? .object([])
        // A login must not need a token; every other action must carry the one the client holds.
        let sendsToken = sessionField != nil && call.tokenPath == nil
        var inner: [Statement] = [.line("let client = \(contract.clientName)(baseURL: server.url)")]
        if sendsToken { inner.append(.line("await client.session.setToken(\(SwiftLiteral.string(Self.sessionToken)))")) }
        inner.append(.line("let result = try await \(contract.accessor(group)).\(call.name)(\(arguments))"))
        if let expectedBody {
            var inputArguments = ["body: \(contract.expression(expectedBody, type: .named(call.requestType)))"]
            if sessionField != nil {
                inputArguments.append("sessionToken: \(sendsToken ? SwiftLiteral.string(Self.sessionToken) : "nil")")
            }
            inner.append(.line("#expect(received.all == [\(qualified).\(names.input)(\(inputArguments.joined(separator: ", ")))])"))
        } else {
            inner.append(.line("#expect(received.all.count == 1)"))
        }
        inner.append(.line("#expect(result == reply)"))
        if let tokenPath = call.tokenPath, sessionField != nil, case .string(let token)? = reply.value(atPath: tokenPath) {
            inner.append(.line("#expect(await client.session.token == \(SwiftLiteral.string(token)))"))
        }
        return testFunction(
            title, name: name,
            body: [
                .line("let reply = try ContractCheck.sample(\(call.responseType).self, \(JSONText.rawLiteral(reply.json)))"),
                .line("let received = Received<\(qualified).\(names.input)>()"),
                .line("var handler = \(names.stubHandler)()"),
                .line("handler.\(SwiftNaming.unescaped(action.methodName))Stub = { input in"),
                .line("    received.record(input)"),
                .line("    return .success(reply)"),
                .line("}"),
                .opened("try await withHostedServer(\(names.server)(handler: handler)) { server in", inner, closing: "}"),
            ])
    }

    /// The handler answers the error envelope: the client must throw it as `ActionError`.
    private func failureTest(
        _ signature: OperationTranslator.Signature, _ action: ServerNames.Action, reply: SampleValue,
        group: ClientTranslator.Group, names: ServerNames, title: String, name: String
    ) -> Declaration {
        let (arguments, _) = contract.callArguments(action.call, contract.examplesOfAction(signature, action.call).first?.value)
        let failureType = ServerActionTranslator.errorEnvelopeType(signature, errorStatus: action.call.errorStatus, models: models)
        let inner: [Statement] = [
            .line("let client = \(contract.clientName)(baseURL: server.url)"),
            .opened(
                "let error = await #expect(throws: ActionError.self) {",
                [.line("try await \(contract.accessor(group)).\(action.call.name)(\(arguments))")], closing: "}"),
        ] + contract.actionErrorChecks(reply, action.call)
        return testFunction(
            title, name: name,
            body: [
                .line("let reply = try ContractCheck.sample(\(failureType).self, \(JSONText.rawLiteral(reply.json)))"),
                .line("var handler = \(names.stubHandler)()"),
                .line("handler.\(SwiftNaming.unescaped(action.methodName))Stub = { _ in .failure(reply) }"),
                .opened("try await withHostedServer(\(names.server)(handler: handler)) { server in", inner, closing: "}"),
            ])
    }

    private func unknownActionTest(
        _ signature: OperationTranslator.Signature, discriminator: String, names: ServerNames, name: String
    ) -> Declaration {
        let body = SampleValue.object([(discriminator, .string("kiln-unknown-action"))])
        return testFunction(
            "\(signature.method.token) \(signature.path) with an unknown \(discriminator) is a 400 naming it", name: name,
            body: [
                .line("let server = \(names.server)(handler: \(names.stubHandler)())"),
                .line(
                    "let response = await server.respond(to: ServerRequest(method: \(SwiftLiteral.string(signature.method.token)), path: \(SwiftLiteral.string(signature.path)), headers: [\"Content-Type\": \"application/json\"], body: Data(\(JSONText.rawLiteral(body.json)).utf8)))"
                ),
                .line("#expect(response.status == 400)"),
                .line("#expect(response.headers[\"Content-Type\"] == \"application/problem+json\")"),
                .line(
                    "#expect(String(decoding: response.body, as: UTF8.self).contains(\(SwiftLiteral.string("request body field '\(discriminator)': unknown action 'kiln-unknown-action'"))))"
                ),
            ])
    }

    private func testFunction(_ title: String, name: String, body: [Statement]) -> Declaration {
        .function(
            FunctionDeclaration(
                info: DeclarationInfo(attributes: ["@Test(\(SwiftLiteral.string(title)))"]),
                name: name, parameters: [], isAsync: true, throwsClause: "throws", body: body))
    }
}
