import KilnOpenAPI
import KilnText

/// A named request example of one action.
struct ActionExample {
    var key: String
    var value: SampleValue
}

/// Contract tests for `x-kiln-actions` operations: one per request example of each action (at least one),
/// through the action's own method, and one per documented error envelope of that action.
extension ContractTestTranslator {
    /// Every request example of one action (the spec's `listConverted` next to `list`), or a sample.
    func actionTests(
        _ signature: OperationTranslator.Signature, _ call: ActionTranslator.Call, group: ClientTranslator.Group,
        scope: inout NameScope
    ) -> [Declaration] {
        let requests = examplesOfAction(signature, call)
        if requests.isEmpty {
            let name = scope.claim(SwiftNaming.memberName("\(SwiftNaming.unescaped(call.name)) action"))
            return [actionTest(signature, call, requestExample: nil, group: group, name: name, titleSuffix: "")]
        }
        var tests: [Declaration] = []
        for (index, request) in requests.enumerated() {
            let name = scope.claim(SwiftNaming.memberName("\(SwiftNaming.unescaped(call.name)) action" + (index == 0 ? "" : " \(request.key)")))
            tests.append(
                actionTest(
                    signature, call, requestExample: request.value, group: group, name: name,
                    titleSuffix: index == 0 ? "" : " (\(request.key))"))
        }
        return tests
    }

    /// One action through its own method: the request example is what the server must receive, and
    /// the action's response example must round-trip.
    private func actionTest(
        _ signature: OperationTranslator.Signature, _ call: ActionTranslator.Call, requestExample: SampleValue?,
        group: ClientTranslator.Group, name: String, titleSuffix: String
    ) -> Declaration {
        let (arguments, expectedBody) = callArguments(call, requestExample)
        let media = signature.response.successMedia
        let responseExample = responseExample(signature, call)
        var inner = [clientLine]
        inner.append(.line("let result = try await \(accessor(group)).\(call.name)(\(arguments))"))
        inner += requestChecks(signature, call, expectedBody: expectedBody)
        if let responseExample {
            inner += roundTripCheck(responseExample, schema: call.responseSchema)
        } else {
            inner.append(.line("_ = result"))
        }
        let reply = responseExample ?? media?.schema.map { samples.sample(for: $0) } ?? .object([])
        return actionTestFunction(
            "\(signature.method.token) \(signature.path) \(call.discriminator): \(call.action)\(titleSuffix)",
            name: name, reply: reply, inner: inner)
    }

    /// The documented error envelopes of one action (examples whose status is the failure value and whose
    /// `action` is this one): the method must throw `ActionError` with the envelope's code, message,
    /// per-field messages and, for a login, the token it still returned.
    func actionErrorTests(
        _ signature: OperationTranslator.Signature, _ call: ActionTranslator.Call, group: ClientTranslator.Group,
        scope: inout NameScope
    ) -> [Declaration] {
        let (arguments, expectedBody) = callArguments(call, examplesOfAction(signature, call).first?.value)
        return errorExamples(signature, call).map { key, reply in
            var inner = [clientLine]
            inner.append(
                .opened(
                    "let error = await #expect(throws: ActionError.self) {",
                    [.line("try await \(accessor(group)).\(call.name)(\(arguments))")], closing: "}"))
            inner += requestChecks(signature, call, expectedBody: expectedBody)
            inner += actionErrorChecks(reply, call)
            let name = scope.claim(SwiftNaming.memberName("\(SwiftNaming.unescaped(call.name)) action \(key.isEmpty ? "error" : key)"))
            return actionTestFunction(
                "\(signature.method.token) \(signature.path) \(call.discriminator): \(call.action) fails (\(key))",
                name: name, reply: reply, inner: inner)
        }
    }

    /// The action's success example: keyed by the action, or whose `action` field names it.
    func responseExample(_ signature: OperationTranslator.Signature, _ call: ActionTranslator.Call) -> SampleValue? {
        signature.response.successMedia.flatMap(examples)?.first { key, value in
            !isError(value, call) && (key == call.action || value.objectField("action") == .string(call.action))
        }?.1
    }

    /// The action's documented error envelopes: examples whose status is the failure value and whose `action` is this one.
    func errorExamples(_ signature: OperationTranslator.Signature, _ call: ActionTranslator.Call) -> [(String, SampleValue)] {
        signature.response.successMedia.map(examples)?.filter { _, value in
            isError(value, call) && value.objectField("action") == .string(call.action)
        } ?? []
    }

    /// What the `ActionError` thrown for `reply` (bound to `error`) must carry: its code, message,
    /// per-field messages and, for a login, the token it still returned.
    func actionErrorChecks(_ reply: SampleValue, _ call: ActionTranslator.Call) -> [Statement] {
        var checks: [Statement] = []
        var token: String?
        if let tokenPath = call.tokenPath, case .string(let text)? = reply.value(atPath: tokenPath) { token = text }
        // ActionError.code is an Int: only a whole-number statuscode can be compared with it.
        if case .number(let code)? = reply.objectField("statuscode"), Int(code) != nil {
            checks.append(.line("#expect(error?.code == \(code))"))
        }
        if case .string(let message)? = reply.objectField("msg") {
            checks.append(.line("#expect(error?.message == \(SwiftLiteral.string(message)))"))
        }
        var messages: [(String, String)] = []
        if case .object(let fields)? = reply.objectField("data") {
            let tokenKey = call.tokenPath.flatMap { $0.hasPrefix("data.") ? String($0.dropFirst(5)) : nil }
            messages = fields.compactMap { key, value in
                if case .string(let text) = value, key != tokenKey { (key, text) } else { nil }
            }
        }
        let dictionary = messages.isEmpty
            ? "[:]" : "[" + messages.map { "\(SwiftLiteral.string($0.0)): \(SwiftLiteral.string($0.1))" }.joined(separator: ", ") + "]"
        checks.append(.line("#expect(error?.fieldMessages == \(dictionary))"))
        checks.append(.line("#expect(error?.sessionToken == \(token.map(SwiftLiteral.string) ?? "nil"))"))
        return checks
    }

    /// The request examples of this action, in the spec's order.
    func examplesOfAction(_ signature: OperationTranslator.Signature, _ call: ActionTranslator.Call) -> [ActionExample] {
        guard let body = signature.body else { return [] }
        return examples(body.media).map { ActionExample(key: $0.0, value: $0.1) }.filter {
            $0.value.objectField(call.discriminator) == .string(call.action)
        }
    }

    /// The call's arguments from a request example of this action (a sample where it lacks a required
    /// one), and the body the server must then receive (nil without an example).
    func callArguments(_ call: ActionTranslator.Call, _ requestExample: SampleValue?) -> (String, SampleValue?) {
        var fields: [(String, SampleValue)] = []
        if case .object(let values)? = requestExample { fields = values }
        var arguments: [String] = []
        for (index, parameter) in call.parameters.enumerated() {
            let wireName = call.wireNames[index]
            if let value = fields.first(where: { $0.0 == wireName })?.1, value != .null {
                arguments.append("\(SwiftNaming.argumentLabel(parameter.name)): \(expression(value, type: parameter.type.unwrapped))")
            } else if !parameter.type.isOptional {
                let value = samples.sample(for: call.schemas[index])
                fields.append((wireName, value))
                arguments.append("\(SwiftNaming.argumentLabel(parameter.name)): \(expression(value, type: parameter.type.unwrapped))")
            }
        }
        // A null in the example is an optional argument left out: the client does not send the key.
        let expectedBody = requestExample == nil ? nil : SampleValue.object(fields.filter { $0.1 != .null })
        return (arguments.joined(separator: ", "), expectedBody)
    }

    private func requestChecks(
        _ signature: OperationTranslator.Signature, _ call: ActionTranslator.Call, expectedBody: SampleValue?
    ) -> [Statement] {
        var checks: [Statement] = singleRequest + [
            .line("#expect(request.method == \(SwiftLiteral.string(signature.method.token)))"),
            .line("#expect(request.path == \(SwiftLiteral.string(basePath + signature.path)))"),
            .line("#expect(ContractCheck.mediaType(request) == \"application/json\")"),
        ]
        if let expectedBody {
            checks.append(.line("#expect(ContractCheck.jsonDifference(request.body, \(JSONText.rawLiteral(expectedBody.json))) == nil)"))
        } else {
            checks.append(.line("#expect(request.bodyText.contains(\(SwiftLiteral.string(JSONText.string(call.action)))))"))
        }
        return checks
    }

    private func actionTestFunction(_ title: String, name: String, reply: SampleValue, inner: [Statement]) -> Declaration {
        let server =
            "try await withKilnTestServer(handler: { _ in TestResponse(status: 200, headers: [TestHeader(\"Content-Type\", \"application/json\")], body: Data(reply.utf8)) }) { server in"
        return .function(
            FunctionDeclaration(
                info: DeclarationInfo(attributes: ["@Test(\(SwiftLiteral.string(title)))"]),
                name: name, parameters: [], isAsync: true, throwsClause: "throws",
                body: [.line("let reply = \(JSONText.rawLiteral(reply.json))"), .opened(server, inner, closing: "}")]))
    }

    private var clientLine: Statement {
        .line("let client = \(clientName)(baseURL: ContractCheck.baseURL(server, path: \(SwiftLiteral.string(basePath))))")
    }

    func accessor(_ group: ClientTranslator.Group) -> String {
        group.tag == nil ? "client" : "client.\(group.propertyName)"
    }

    private func isError(_ value: SampleValue, _ call: ActionTranslator.Call) -> Bool {
        value.objectField("status") == .string(call.errorStatus)
    }

    private func examples(_ media: MediaType) -> [(String, SampleValue)] {
        var result: [(String, SampleValue)] = []
        if let example = media.example { result.append(("", SampleValue(example))) }
        for (key, entry) in media.examples {
            if let value = document.resolve(entry)?.value { result.append((key, SampleValue(value))) }
        }
        return result
    }
}
