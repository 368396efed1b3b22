import KilnOpenAPI
import KilnText

/// Contract tests for `x-kiln-actions` operations: one per action, through the action's own method.
extension ContractTestTranslator {
    /// One action of an `x-kiln-actions` operation through its own method: the spec's request example
    /// for that action is what the server must receive, and its response example must round-trip.
    func actionTest(
        _ signature: OperationTranslator.Signature, _ call: ActionTranslator.Call, group: ClientTranslator.Group, name: String
    ) -> Declaration {
        let isThisAction: (SampleValue) -> Bool = { value in
            guard case .object(let fields) = value else { return false }
            return fields.contains { $0.0 == call.discriminator && $0.1 == .string(call.action) }
        }
        let requestExample = signature.body.flatMap { examples($0.media) }?.first(where: { isThisAction($0.1) })?.1
        var fields: [(String, SampleValue)] = []
        if case .object(let values)? = requestExample { fields = values }
        var arguments: [String] = []
        for (index, parameter) in call.parameters.enumerated() {
            let wireName = call.wireNames[index]
            if let value = fields.first(where: { $0.0 == wireName })?.1, value != .null {
                arguments.append("\(plain(parameter.name)): \(expression(value, type: parameter.type.unwrapped))")
            } else if !parameter.type.isOptional {
                let value = samples.sample(for: call.schemas[index])
                fields.append((wireName, value))
                arguments.append("\(plain(parameter.name)): \(expression(value, type: parameter.type.unwrapped))")
            }
        }
        // A null in the example is an optional argument left out: the client does not send the key.
        let expectedBody = requestExample == nil ? nil : SampleValue.object(fields.filter { $0.1 != .null })

        let media = signature.response.successMedia
        let responseExample = media.flatMap(examples)?.first { key, value in
            key == call.action || (value.objectField("action") == .string(call.action))
        }?.1
        var inner: [Statement] = [
            .line("let client = \(clientName)(baseURL: ContractCheck.baseURL(server, path: \(SwiftLiteral.string(basePath))))")
        ]
        let accessor = group.tag == nil ? "client" : "client.\(group.propertyName)"
        inner.append(.line("let result = try await \(accessor).\(call.name)(\(arguments.joined(separator: ", ")))"))
        inner.append(.line("let request = try #require(server.requests.first)"))
        inner.append(.line("#expect(request.method == \(SwiftLiteral.string(signature.method.rawValue.uppercased())))"))
        inner.append(.line("#expect(request.path == \(SwiftLiteral.string(basePath + signature.path)))"))
        if let expectedBody {
            inner.append(.line("#expect(ContractCheck.jsonDifference(request.body, \(JSONText.rawLiteral(expectedBody.json))) == nil)"))
        } else {
            inner.append(.line("#expect(request.bodyText.contains(\(SwiftLiteral.string(JSONText.string(call.action)))))"))
        }
        if responseExample != nil {
            inner.append(.line("#expect(try ContractCheck.roundTripDifference(result, reply) == nil)"))
        } else {
            inner.append(.line("_ = result"))
        }
        let reply = responseExample ?? media?.schema.map { samples.sample(for: $0) } ?? .object([])
        let server =
            "try await withKilnTestServer(handler: { _ in TestResponse(status: 200, headers: [TestHeader(\"Content-Type\", \"application/json\")], body: Data(reply.utf8)) }) { server in"
        return .function(
            FunctionDeclaration(
                info: DeclarationInfo(
                    attributes: ["@Test(\(SwiftLiteral.string("\(signature.method.rawValue.uppercased()) \(signature.path) \(call.discriminator): \(call.action)")))"]),
                name: name, parameters: [], isAsync: true, throwsClause: "throws",
                body: [.line("let reply = \(JSONText.rawLiteral(reply.json))"), .opened(server, inner, closing: "}")]))
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
