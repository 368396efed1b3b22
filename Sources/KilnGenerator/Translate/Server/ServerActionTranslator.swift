import KilnOpenAPI

/// An `x-kiln-actions` operation on the server side: one handler method per action, named like the
/// client's (`list`), whose `Input` has the action's typed request and the session token the client's
/// runtime added, and whose `Output` is the action's result (`success`) or the error envelope
/// (`failure`), both sent with the status the document shows for envelopes, beside the operation's
/// other documented responses. One route decodes the envelope once and calls the method its action picks.
struct ServerActionTranslator {
    let operations: ServerOperationTranslator
    /// The body field that carries the session token (`x-kiln-session` in the body), if any.
    let sessionField: String?

    private var names: ServerNames { operations.names }
    private var models: ModelTranslator { operations.models }

    struct Output {
        var requirements: [Declaration] = []
        var namespaces: [Declaration] = []
        var route: Statement
    }

    /// The body's `oneOf` cases with the component each decodes (nil for an inline variant), when the
    /// operation has `x-kiln-actions` and its JSON body is a discriminated `oneOf` enum; else nil.
    static func dispatchedCases(
        _ signature: OperationTranslator.Signature, models: ModelTranslator
    ) -> [(caseName: String, componentName: String?)]? {
        guard ActionTranslator.Settings(signature.operation.extensions["x-kiln-actions"]) != nil,
            case .json? = signature.body?.encoding, case .named(let typeName)? = signature.body?.parameter.type.unwrapped,
            let schema = ActionTranslator(translator: models, access: models.access).requestSchema(signature.operation),
            schema.discriminator != nil, models.declarationKind(of: schema) == .oneOf
        else { return nil }
        return OneOfBuilder(translator: models, schema: schema, typeName: typeName, component: nil).cases.map {
            ($0.caseName, $0.componentName)
        }
    }

    func translate(_ operation: ServerNames.Operation) -> Output? {
        let signature = operation.signature
        guard let settings = ActionTranslator.Settings(signature.operation.extensions["x-kiln-actions"]),
            let body = signature.body, let cases = Self.dispatchedCases(signature, models: models)
        else { return nil }
        var output = Output(route: .blank)
        let failureType = Self.errorEnvelopeType(signature, errorStatus: settings.failure, models: models)
        var fieldScope = operations.fieldScope(signature)
        let session = sessionField.map { _ in fieldScope.claim("sessionToken") }
        let credentials = operations.hasCredentials ? fieldScope.claim("credentials") : nil
        var switchCases: [SwitchCase] = []
        var unanswered = false
        for (caseName, component) in cases {
            let actions = operation.actions.filter { $0.call.requestComponent == component }
            unanswered = unanswered || actions.isEmpty
            for (index, action) in actions.enumerated() {
                let fields = inputFields(signature, action, session: session, credentials: credentials)
                output.requirements.append(requirement(signature, action))
                output.namespaces.append(namespace(signature, action, fields: fields, failureType: failureType, settings: settings))
                // Actions that share a request component are told apart by the action's value; the last needs no test.
                let condition = index < actions.count - 1 ? " where envelope.action == \(SwiftLiteral.string(action.call.action))" : ""
                switchCases.append(
                    SwitchCase(
                        "case .\(caseName)(let body)\(condition)",
                        [
                            operations.inputStatement("\(names.operations).\(action.typeName).\(names.input)", fields),
                            .line("return try await handler.\(SwiftNaming.unescaped(action.methodName))(input).serverResponse()"),
                        ]))
            }
        }
        if unanswered {
            // Variants no action method takes: the request is valid, but nothing here answers it.
            switchCases.append(
                SwitchCase(
                    "default",
                    [.line("throw ServerInputError(\"request body field '\(settings.discriminator)': no method answers action '\\(envelope.action)'\")")]))
        }
        let sessionArgument = sessionField.map { ", sessionField: \(SwiftLiteral.string($0))" } ?? ""
        output.route = ServerOperationTranslator.route(
            signature,
            [
                .line(
                    "let envelope = try inputs.actionBody(\(body.parameter.type.unwrapped).self, discriminator: \(SwiftLiteral.string(settings.discriminator))\(sessionArgument))"
                ),
                .switch("envelope.body", switchCases),
            ])
        return output
    }

    /// The operation's parameters, the action's request as `body`, the session token and the credentials.
    private func inputFields(
        _ signature: OperationTranslator.Signature, _ action: ServerNames.Action, session: String?, credentials: String?
    ) -> [ServerOperationTranslator.Field] {
        var fields = operations.inputFields(signature, credentials: credentials)
        if let index = fields.firstIndex(where: { $0.name == "body" }) {
            fields[index] = ServerOperationTranslator.Field(
                name: "body", type: .named(action.call.requestType), decode: "body",
                documentation: "The request body: the `\(action.call.action)` action.", throwing: false)
        }
        if let session, let sessionField {
            let index = credentials.flatMap { name in fields.firstIndex { $0.name == name } } ?? fields.count
            fields.insert(
                ServerOperationTranslator.Field(
                    name: session, type: .named("String").optional, decode: "envelope.sessionToken",
                    documentation: "The session token the client sent in the body's `\(sessionField)` field; nil before login.",
                    defaultValue: "nil", throwing: false),
                at: index)
        }
        return fields
    }

    private func requirement(_ signature: OperationTranslator.Signature, _ action: ServerNames.Action) -> Declaration {
        let qualified = "\(names.operations).\(action.typeName)"
        let request = models.document.components.schemas[action.call.requestComponent].flatMap(models.document.resolve)
        let documentation = Documentation.lines(
            summary: "The `\(action.call.action)` action.", description: request?.description,
            provenance: provenance(signature, action))
        return .function(
            FunctionDeclaration(
                info: DeclarationInfo(documentation: documentation), name: action.methodName,
                parameters: [Parameter(label: "_", name: "input", type: .named("\(qualified).\(names.input)"))],
                isAsync: true, throwsClause: "throws", returnType: .named("\(qualified).\(names.output)"), body: nil))
    }

    private func namespace(
        _ signature: OperationTranslator.Signature, _ action: ServerNames.Action, fields: [ServerOperationTranslator.Field],
        failureType: SwiftType, settings: ActionTranslator.Settings
    ) -> Declaration {
        let response = signature.response
        let success = response.documented.first { $0.code == response.successCode }
        let status = Int(response.successCode).map(String.init) ?? "200"
        let mediaType = success?.mediaType ?? "application/json"
        var cases = [
            ServerOutputEnum.Case(
                name: "success", status: status, kind: .json, bodyType: action.call.responseType, mediaType: mediaType,
                documentation: "\(status): the `\(action.call.action)` action's result."),
            ServerOutputEnum.Case(
                name: "failure", status: status, kind: .json, bodyType: failureType, mediaType: mediaType,
                documentation: "\(status): the error envelope (`status` \"\(settings.failure)\"); the client throws it as `ActionError`."),
        ]
        cases += response.documented.filter { $0.code != response.successCode }.map { ServerOutputEnum.documentedCase($0, models: models) }
        let provenance = provenance(signature, action)
        return .type(
            TypeDeclaration(
                info: DeclarationInfo(documentation: ["`\(provenance)` (`\(signature.operationID)`)."], access: operations.access),
                kind: .enum, name: action.typeName, conformances: [],
                members: [
                    operations.inputStruct(names.input, fields, provenance: provenance),
                    ServerOutputEnum(access: operations.access).declaration(name: names.output, cases: cases),
                ]))
    }

    private func provenance(_ signature: OperationTranslator.Signature, _ action: ServerNames.Action) -> String {
        "\(signature.method.token) \(signature.path)` with `\(action.call.discriminator): \(action.call.action)"
    }

    /// The error envelope's type: the variant of the success body whose `status` is the error value
    /// (`const: Error`), else the body of `default`, else any JSON.
    static func errorEnvelopeType(_ signature: OperationTranslator.Signature, errorStatus: String, models: ModelTranslator) -> SwiftType {
        let document = models.document
        if let schema = signature.response.successMedia?.schema.flatMap(document.resolve) {
            for variant in schema.oneOf + schema.anyOf {
                guard let component = variant.ref?.componentName, let type = models.componentTypeNames[component],
                    let resolved = document.resolve(variant),
                    let status = models.analysis.mergedObject(resolved).properties["status"].flatMap(document.resolve)
                else { continue }
                let values = status.constValue.map { [$0] } ?? status.enumValues ?? []
                if values.count == 1, values[0].scalar?.text == errorStatus { return .named(type) }
            }
        }
        return signature.response.errorBodies.first { $0.code == "default" }?.type.unwrapped ?? .json
    }
}
