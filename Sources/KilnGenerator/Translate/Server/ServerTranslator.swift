import KilnOpenAPI

/// `--mode server`: the handler protocol (one method per operation, or per action of an `x-kiln-actions`
/// operation: `ServerActionTranslator`), the operations' inputs and outputs, and the server that routes
/// requests to a handler. Models come from the client module.
struct ServerTranslator {
    let models: ModelTranslator
    let clientName: String
    let access: AccessLevel
    let groups: [ClientTranslator.Group]

    func translate() -> [Declaration] {
        let names = ServerNames(clientName: clientName, models: models)
        let schemes = securitySchemes()
        let operations = ServerOperationTranslator(models: models, access: access, names: names, hasCredentials: !schemes.isEmpty)
        var requirements: [Declaration] = []
        var namespaces: [Declaration] = []
        var routes: [Statement] = []
        var stubs: [Declaration] = []
        var hasActions = false
        let actions = ServerActionTranslator(
            operations: operations, sessionField: SessionSettings(document: models.document)?.placement.bodyField)
        for operation in ServerNames.operations(groups, models: models) {
            if !operation.actions.isEmpty, let output = actions.translate(operation) {
                requirements += output.requirements
                namespaces += output.namespaces
                routes.append(output.route)
                hasActions = true
                for action in operation.actions {
                    stubs += stub(
                        "\(operation.signature.operationID): \(action.call.action)", typeName: action.typeName,
                        methodName: action.methodName, names: names)
                }
                continue
            }
            let output = operations.translate(operation.signature, typeName: operation.typeName, methodName: operation.methodName)
            requirements.append(output.requirement)
            namespaces.append(output.namespace)
            routes.append(output.route)
            stubs += stub(operation.signature.operationID, typeName: operation.typeName, methodName: operation.methodName, names: names)
        }
        let title = models.document.info.title
        var handlerDocumentation = [
            "\(title): one method per operation. `\(names.server)(handler:)` decodes each request into the",
            "operation's `Input`, calls the method and sends the `Output` it returns; an error it throws is a 500.",
        ]
        if hasActions {
            handlerDocumentation += ["", "An envelope operation (one URL, the body's action picks the call) has one method per action instead."]
        }
        let handler = Declaration.type(
            TypeDeclaration(
                info: DeclarationInfo(documentation: handlerDocumentation, access: access),
                kind: .protocol, name: names.handler, conformances: ["Sendable"], members: requirements))
        let namespace = Declaration.type(
            TypeDeclaration(
                info: DeclarationInfo(documentation: ["The inputs and outputs of \(title)'s operations."], access: access),
                kind: .enum, name: names.operations, conformances: [], members: namespaces))
        let stubHandler = Declaration.type(
            TypeDeclaration(
                info: DeclarationInfo(
                    documentation: [
                        "A handler for tests and demos: each operation answers what its `…Stub` closure returns; one left",
                        "nil answers 501 Not Implemented.",
                    ],
                    access: access),
                kind: .struct, name: names.stubHandler, conformances: [names.handler],
                members: [.initializer(InitializerDeclaration(info: DeclarationInfo(access: access), parameters: [], body: []))] + stubs))
        return [handler, namespace, server(names, schemes: schemes, routes: routes), stubHandler]
    }

    /// A settable closure and the method that calls it; `unimplemented` names what a nil closure's 501 reports.
    private func stub(_ unimplemented: String, typeName: String, methodName: String, names: ServerNames) -> [Declaration] {
        let qualified = "\(names.operations).\(typeName)"
        let (input, output) = (names.input, names.output)
        let bare = SwiftNaming.unescaped(methodName)
        return [
            .variable(
                VariableDeclaration(
                    info: DeclarationInfo(access: access), isLet: false, name: bare + "Stub",
                    type: .function("(@Sendable (\(qualified).\(input)) async throws -> \(qualified).\(output))?"))),
            .function(
                FunctionDeclaration(
                    info: DeclarationInfo(access: access), name: methodName,
                    parameters: [Parameter(label: "_", name: "input", type: .named("\(qualified).\(input)"))], isAsync: true,
                    throwsClause: "throws", returnType: .named("\(qualified).\(output)"),
                    body: [
                        .line("guard let stub = \(bare)Stub else { throw ServerNotImplemented(operationID: \(SwiftLiteral.string(unimplemented))) }"),
                        .line("return try await stub(input)"),
                    ])),
        ]
    }

    private func server(_ names: ServerNames, schemes: [String], routes: [Statement]) -> Declaration {
        var members: [Declaration] = [
            .variable(VariableDeclaration(info: DeclarationInfo(access: access), isLet: true, name: "handler", type: .named("Handler"))),
            .variable(
                VariableDeclaration(
                    info: DeclarationInfo(documentation: ["Matches requests to the operations' routes."], access: access),
                    isLet: true, name: "router", type: .named("ServerRouter"))),
            .initializer(
                InitializerDeclaration(
                    info: DeclarationInfo(access: access),
                    parameters: [
                        Parameter(name: "handler", type: .named("Handler")),
                        Parameter(name: "options", type: .named("ServerOptions"), defaultValue: "ServerOptions()"),
                    ],
                    body: [
                        .line("self.handler = handler"),
                        .line("self.router = ServerRouter(routes: Self.routes(handler), options: options)"),
                    ])),
            .function(
                FunctionDeclaration(
                    info: DeclarationInfo(access: access), name: "respond",
                    parameters: [Parameter(label: "to", name: "request", type: .named("ServerRequest"))], isAsync: true,
                    returnType: .named("ServerResponse"), body: [.line("await router.respond(to: request)")])),
        ]
        if !schemes.isEmpty {
            members.append(
                .variable(
                    VariableDeclaration(
                        info: DeclarationInfo(documentation: ["The spec's security schemes, read into each input's credentials."]),
                        modifiers: ["static"], isLet: false, name: "securitySchemes", type: .named("[ServerSecurityScheme]"),
                        getter: [.line("[\(schemes.joined(separator: ", "))]")])))
        }
        members.append(
            .function(
                FunctionDeclaration(
                    info: DeclarationInfo(
                        documentation: ["One route per operation, for adapters that register routes themselves."], access: access),
                    modifiers: ["static"], name: "routes", parameters: [Parameter(label: "_", name: "handler", type: .named("Handler"))],
                    returnType: .named("[ServerRoute]"),
                    body: [.opened("[", routes, closing: "]")])))
        return .type(
            TypeDeclaration(
                info: DeclarationInfo(
                    documentation: [
                        "Serves \(models.document.info.title) with `handler`: host it with `start()` (KilnTestServer, loopback)",
                        "or an adapter (KilnHummingbird), or call `respond(to:)` directly.",
                    ],
                    access: access),
                kind: .struct, name: "\(names.server)<Handler: \(names.handler)>", conformances: ["ServerApplication"],
                members: members))
    }

    /// `.bearer`, `.basic` and `.apiKey(...)` for the document's schemes; OAuth 2 and OpenID Connect send bearer tokens.
    private func securitySchemes() -> [String] {
        let document = models.document
        var result: [String] = []
        for (name, value) in document.components.securitySchemes {
            guard let scheme = document.resolve(value) else { continue }
            let entry: String?
            switch scheme.kind {
            case .http where scheme.scheme?.lowercased() == "basic": entry = ".basic"
            case .http where scheme.scheme?.lowercased() == "bearer", .oauth2, .openIdConnect: entry = ".bearer"
            case .apiKey:
                entry = scheme.name.map { parameter in
                    let location = scheme.apiKeyLocation?.rawValue ?? "header"
                    return ".apiKey(name: \(SwiftLiteral.string(name)), parameter: \(SwiftLiteral.string(parameter)), in: .\(location))"
                }
            default: entry = nil
            }
            if let entry, !result.contains(entry) { result.append(entry) }
        }
        return result
    }
}
