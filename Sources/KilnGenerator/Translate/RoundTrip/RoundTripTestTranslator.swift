import KilnOpenAPI
import KilnText

/// Round-trip tests, one per operation (one per action of an `x-kiln-actions` operation): the real client, through URLSession, against the generated
/// server hosted on loopback with a stub handler. Each asserts that the handler received, as its typed
/// `Input`, exactly what the test passed to the client, and that the client decoded the handler's typed
/// `Output` back into the same value. Samples are the contract tests' (the spec's examples).
struct RoundTripTestTranslator {
    let contract: ContractTestTranslator
    let serverModule: String

    var models: ModelTranslator { contract.translator }

    func translate() -> [Declaration] {
        let names = ServerNames(clientName: contract.clientName, models: models)
        var scope = NameScope()
        var tests: [Declaration] = []
        var notCovered: [String] = []
        let groupOf = Dictionary(
            contract.groups.flatMap { group in group.signatures.map { ($0.operationID, group) } }, uniquingKeysWith: { first, _ in first })
        let sessionField = SessionSettings(document: models.document)?.placement.bodyField
        for operation in ServerNames.operations(contract.groups, models: models) {
            let signature = operation.signature
            guard !signature.response.kind.isStream, let group = groupOf[signature.operationID] else {
                notCovered.append(signature.operationID)
                continue
            }
            if !operation.actions.isEmpty {
                tests += actionTests(operation, group: group, names: names, sessionField: sessionField, scope: &scope)
                continue
            }
            let name = scope.claim(SwiftNaming.memberName(signature.operationID))
            tests.append(
                test(signature, group: group, names: names, typeName: operation.typeName, methodName: operation.methodName, name: name))
        }
        var documentation = ["Round trips of ``\(contract.clientName)`` through `\(names.server)` (\(serverModule))."]
        if !notCovered.isEmpty {
            // Streamed responses are bytes on the server side; their parsing has its own tests.
            documentation += ["", "Streamed responses, covered by the contract tests only: \(notCovered.joined(separator: ", "))."]
        }
        return [
            .type(
                TypeDeclaration(
                    info: DeclarationInfo(documentation: documentation, attributes: ["@Suite(.serialized)"]),
                    kind: .struct, name: SwiftNaming.typeName(contract.clientName + "RoundTripTests"), conformances: [],
                    members: tests))
        ]
    }

    private func test(
        _ signature: OperationTranslator.Signature, group: ClientTranslator.Group, names: ServerNames, typeName: String,
        methodName: String, name: String
    ) -> Declaration {
        let qualified = "\(names.operations).\(typeName)"
        var callArguments: [String] = []
        var inputArguments: [String] = []
        for input in signature.inputs {
            let value = contract.parameterSample(input)
            guard contract.isPassed(input, sample: value) else { continue }
            let argument = "\(SwiftNaming.argumentLabel(input.parameter.name)): \(contract.expression(value, type: input.parameter.type.unwrapped))"
            callArguments.append(argument)
            inputArguments.append(argument)
        }
        if let body = signature.body {
            // Path parameters come first and are always passed; the body follows them on both sides.
            let pathCount = signature.inputs.filter { $0.location == .path }.count
            let (argument, _) = contract.bodyArgument(body)
            callArguments.insert(argument, at: pathCount)
            inputArguments.insert("body: \(expectedBody(body, argument: argument))", at: pathCount)
        }
        let auth = contract.staticAuth(for: signature.operation)
        if let credentials = auth?.credentials { inputArguments.append("credentials: \(credentials)") }

        let reply = contract.replySample(signature.response)
        let (caseName, carriesStatus) = ServerNames.responseCase(signature.response.successCode)
        let status = carriesStatus ? "status: \(Int(signature.response.successCode) ?? 200)" : nil
        var statements: [Statement] = []
        let replyValue: String?
        switch signature.response.kind {
        case .json:
            statements.append(.line("let reply = try ContractCheck.sample(\(signature.response.bodyType.unwrapped).self, \(JSONText.rawLiteral(reply.text)))"))
            replyValue = "reply"
        case .text: replyValue = SwiftLiteral.string(reply.text)
        case .data: replyValue = "Data(\(SwiftLiteral.string(reply.text)).utf8)"
        default: replyValue = nil
        }
        // Documented headers go out typed and are checked in the raw response, so the test calls `…Raw`.
        let headers = RoundTripHeaders(signature.response, contract: contract, models: models, responseName: "response")
        let outputArguments = [status, replyValue, headers?.argument].compactMap { $0 }.joined(separator: ", ")
        statements += [
            .line("let received = Received<\(qualified).\(names.input)>()"),
            .line("var handler = \(names.stubHandler)()"),
            .line("handler.\(SwiftNaming.unescaped(methodName))Stub = { input in"),
            .line("    received.record(input)"),
            .line("    return .\(caseName)(\(outputArguments))"),
            .line("}"),
        ]
        let middlewares = auth.map { ", middlewares: [\($0.middleware)]" } ?? ""
        let accessor = group.tag == nil ? "client" : "client.\(group.propertyName)"
        let method = headers == nil ? signature.name : SwiftNaming.unescaped(signature.name) + "Raw"
        let call = "try await \(accessor).\(method)(\(callArguments.joined(separator: ", ")))"
        let result = headers == nil ? "result" : "response"
        var inner: [Statement] = [
            .line("let client = \(contract.clientName)(baseURL: server.url\(middlewares))"),
            .line(replyValue == nil && headers == nil ? call : "let \(result) = \(call)"),
            .line("#expect(received.all == [\(qualified).\(names.input)(\(inputArguments.joined(separator: ", ")))])"),
        ]
        if let replyValue { inner.append(.line("#expect(\(result)\(headers == nil ? "" : ".body") == \(replyValue))")) }
        inner += headers?.checks ?? []
        statements.append(.opened("try await withHostedServer(\(names.server)(handler: handler)) { server in", inner, closing: "}"))
        return .function(
            FunctionDeclaration(
                info: DeclarationInfo(
                    attributes: ["@Test(\(SwiftLiteral.string("\(signature.method.token) \(signature.path)")))"]
                        + (signature.deprecated ? ["@available(*, deprecated)"] : [])),
                name: name, parameters: [], isAsync: true, throwsClause: "throws", body: statements))
    }

    /// The body as the server decodes it: what the client sends of the sample (read-only fields are not).
    private func expectedBody(_ body: RequestBodyTranslator.Body, argument: String) -> String {
        guard case .json = body.encoding else { return argument }
        let value = contract.exampleValue(body.media) ?? body.media.schema.map { contract.samples.sample(for: $0) } ?? .object([])
        return contract.expression(contract.reencoded(value, as: body.media.schema, .request), type: body.parameter.type.unwrapped)
    }
}
