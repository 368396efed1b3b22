#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import KilnOpenAPI
import KilnText

/// The client type: one per API, holding the runtime core, with one group per tag
/// (`iserv.groups.list()`), default server URLs, and the operations in one extension per group.
struct ClientTranslator {
    let translator: ModelTranslator
    let clientName: String
    let access: AccessLevel

    struct Group {
        var propertyName: String
        var typeName: String
        var tag: String?
        var functions: [Declaration] = []
        /// Declared in an extension of the group's protocol (page sequences): they only call the group's
        /// own methods, so the mock offers them too.
        var protocolFunctions: [Declaration] = []
        var signatures: [OperationTranslator.Signature] = []
        /// Methods besides the operations' own that the mock must offer (one per action).
        var extraMethods: [MockTranslator.Method] = []
        /// The action methods of an `x-kiln-actions` operation, for contract tests.
        var actionCalls: [(operation: OperationTranslator.Signature, call: ActionTranslator.Call)] = []
    }

    struct Output {
        var client: Declaration
        var groups: [Group]
        var operationTypes: [Declaration]
    }

    func translate() -> Output {
        let document = translator.document
        var groups: [Group] = []
        var groupIndex: [String: Int] = [:]
        var memberScope = NameScope(reserved: ["core", "defaultBaseURL", "serverURL", "session"])
        var methodScopes: [String: NameScope] = [:]
        var operationTypes: [Declaration] = []

        let root = Group(propertyName: "", typeName: clientName, tag: nil)
        for (path, item) in document.paths {
            for (method, operation) in item.operations {
                let tag = operation.tags.first
                let key = tag ?? ""
                if groupIndex[key] == nil {
                    groupIndex[key] = groups.count
                    if let tag {
                        let custom = document.tags.first { $0.name == tag }?.extensions["x-kiln-name"]?.scalar?.text
                        groups.append(
                            Group(
                                propertyName: memberScope.claim(SwiftNaming.memberName(custom ?? tag)),
                                typeName: groupTypeName(custom ?? tag), tag: tag))
                    } else {
                        groups.append(root)
                    }
                }
                let index = groupIndex[key]!
                var scope = methodScopes[key] ?? NameScope()
                var name = OperationNaming.methodName(operation: operation, method: method, path: path, tag: tag)
                if scope.contains(name) || scope.contains(bare(name) + "Raw") {
                    name = SwiftNaming.memberName(
                        operation.operationId ?? OperationNaming.derivedName(method: method, path: path))
                }
                name = scope.claim(name)
                _ = scope.claim(bare(name) + "Raw")
                let output = OperationTranslator(translator: translator, access: access).translate(
                    path: path, method: method, item: item, operation: operation, name: name)
                groups[index].functions += output.functions
                groups[index].signatures.append(output.signature)
                if operation.extensions["x-kiln-actions"] != nil {
                    let actions = ActionTranslator(translator: translator, access: access)
                        .translate(output.signature, scope: &scope)
                    groups[index].functions += actions.functions
                    groups[index].protocolFunctions += actions.pagination
                    groups[index].actionCalls += actions.calls.map { (output.signature, $0) }
                    groups[index].extraMethods += actions.functions.compactMap { declaration in
                        guard case .function(let function) = declaration, function.isAsync else { return nil }
                        return MockTranslator.Method(
                            name: function.name, operationID: output.signature.operationID,
                            parameters: function.parameters, returnType: function.returnType, deprecated: false)
                    }
                } else if operation.extensions["x-kiln-pagination"] != nil {
                    // In a group, the one list reads best as `users.all()`; elsewhere the name says which list.
                    let plainList = tag != nil && bare(name) == "list"
                    let pagesName = scope.claim(plainList ? "pages" : bare(name) + "Pages")
                    let allName = scope.claim(plainList ? "all" : bare(name) + "All")
                    groups[index].protocolFunctions += PaginationTranslator(translator: translator, access: access)
                        .translate(output.signature, pagesName: pagesName, allName: allName)
                }
                methodScopes[key] = scope
                operationTypes += output.types
            }
        }
        let auth = AuthTranslator(
            document: document, clientName: clientName, access: access,
            hasDefaultBaseURL: document.servers.first.flatMap(defaultServerURL) != nil
        ).translate(scope: &memberScope)
        return Output(client: clientDeclaration(groups, auth: auth), groups: groups, operationTypes: operationTypes)
    }

    /// A group type is nested in the client, so it would shadow a model of the same name inside the
    /// client's code: it takes a name no top-level type has (`Roles`, else `RolesOperations`).
    private func groupTypeName(_ tag: String) -> String {
        let preferred = SwiftNaming.typeName(tag)
        let name = translator.topLevelScope.contains(preferred) ? preferred + "Operations" : preferred
        return translator.topLevelScope.claim(name)
    }

    private func clientDeclaration(_ groups: [Group], auth: [Declaration]) -> Declaration {
        let document = translator.document
        var members: [Declaration] = [
            .variable(
                VariableDeclaration(
                    info: DeclarationInfo(documentation: ["Sends requests: middlewares, then the transport."], access: access),
                    isLet: true, name: "core", type: .named("APIClientCore")))
        ]
        let server = document.servers.first
        let defaultURL = server.flatMap(defaultServerURL)
        members.append(
            .initializer(
                InitializerDeclaration(
                    info: DeclarationInfo(access: access),
                    parameters: [Parameter(name: "core", type: .named("APIClientCore"))],
                    body: [.line("self.core = core")])))
        members.append(.initializer(convenienceInitializer(server: server, hasDefaultURL: defaultURL != nil)))
        if session != nil {
            members.append(
                .variable(
                    VariableDeclaration(
                        info: DeclarationInfo(
                            documentation: [
                                "The token the login call obtained, sent with every later call; set it to reuse a token.",
                            ],
                            access: access),
                        isLet: false, name: "session", type: .named("SessionTokenStore"),
                        getter: [.line("core.session")])))
        }
        if let server, let defaultURL {
            members.append(
                .variable(
                    VariableDeclaration(
                        info: DeclarationInfo(
                            documentation: ["The spec's first server with its default variables: `\(server.url)`."],
                            access: access),
                        modifiers: ["static"], isLet: true, name: "defaultBaseURL", type: .named("URL"),
                        initialValue: "URL(string: \(SwiftLiteral.string(defaultURL)))!")))
            if !server.variables.isEmpty { members.append(serverURLFunction(server)) }
        }
        members += auth
        for group in groups where group.tag != nil {
            let tagDescription = document.tags.first { $0.name == group.tag }?.description
            members.append(
                .variable(
                    VariableDeclaration(
                        info: DeclarationInfo(
                            documentation: Documentation.lines(summary: tagDescription ?? "Operations tagged `\(group.tag!)`."),
                            access: access),
                        isLet: false, name: group.propertyName, type: .named(group.typeName),
                        getter: [.line("\(group.typeName)(core: core)")])))
        }
        for group in groups where group.tag != nil {
            members.append(
                .type(
                    TypeDeclaration(
                        info: DeclarationInfo(documentation: ["The operations tagged `\(group.tag!)`."], access: access),
                        kind: .struct, name: group.typeName, conformances: ["Sendable"],
                        members: [
                            .variable(
                                VariableDeclaration(
                                    info: DeclarationInfo(access: access), isLet: true, name: "core",
                                    type: .named("APIClientCore")))
                        ])))
        }
        let info = DeclarationInfo(
            documentation: Documentation.lines(
                summary: document.info.title, description: document.info.description,
                provenance: "\(FilePaths.fileName(of: document.file)) \(document.info.version)"),
            access: access)
        return .type(
            TypeDeclaration(info: info, kind: .struct, name: clientName, conformances: ["Sendable"], members: members))
    }

    private var session: SessionSettings? { SessionSettings(document: translator.document) }

    /// Fixed envelope fields (`x-kiln-actions.fixed`) of the document's action operation, if any.
    private var fixedFields: [ActionTranslator.FixedField] {
        for (_, item) in translator.document.paths {
            for (_, operation) in item.operations where operation.extensions["x-kiln-actions"] != nil {
                return ActionTranslator(translator: translator, access: access).fixedFields(operation)
            }
        }
        return []
    }

    /// `init(baseURL:transport:middlewares:)`, plus the envelope's fixed fields, and the session
    /// middleware when the API has a login.
    private func convenienceInitializer(server: Server?, hasDefaultURL: Bool) -> InitializerDeclaration {
        let fixed = fixedFields
        var docs = [
            "A client for \(translator.document.info.title).", "",
            "- Parameters:",
            "  - baseURL: The server, e.g. from ``serverURL(\(serverVariableLabels(server)))``.",
        ]
        docs += fixed.map { "  - \(bare($0.name)): Sent as `\($0.wireName)` in every request body." }
        docs += [
            "  - transport: How requests are sent; URLSession by default.",
            "  - middlewares: Applied to every request, outermost first (auth, retries, logging).",
        ]
        var parameters = [
            Parameter(name: "baseURL", type: .named("URL"), defaultValue: hasDefaultURL ? "\(clientName).defaultBaseURL" : nil)
        ]
        parameters += fixed.map { Parameter(name: $0.name, type: $0.type, defaultValue: $0.defaultValue) }
        parameters += [
            Parameter(name: "transport", type: .named("any HTTPTransport"), defaultValue: "URLSessionTransport()"),
            Parameter(name: "middlewares", type: .named("[any ClientMiddleware]"), defaultValue: "[]"),
        ]
        var body: [Statement] = []
        if fixed.isEmpty && session == nil {
            body.append(.line("self.core = APIClientCore(baseURL: baseURL, transport: transport, middlewares: middlewares)"))
        } else {
            var chain = "middlewares"
            if let session {
                body.append(.line("let session = SessionTokenStore()"))
                let excluded = session.excludedOperationIDs.map(SwiftLiteral.string).joined(separator: ", ")
                // Innermost, so retries resend the current token and logging sees what goes out (redacted).
                body.append(
                    .line(
                        "let sessionMiddleware = SessionTokenMiddleware(store: session, placement: \(session.placement), excludedOperationIDs: [\(excluded)], clearOnUnauthorized: true)"
                    ))
                chain = "middlewares + [sessionMiddleware]"
            }
            body.append(
                .line(
                    "\(fixed.isEmpty ? "let" : "var") configuration = ClientConfiguration(baseURL: baseURL, transport: transport, middlewares: \(chain))"
                ))
            for field in fixed {
                body.append(.line("configuration.setFixedBodyField(\(SwiftLiteral.string(field.wireName)), \(field.name))"))
            }
            body.append(
                .line("self.core = APIClientCore(configuration: configuration\(session == nil ? "" : ", session: session"))"))
        }
        return InitializerDeclaration(info: DeclarationInfo(documentation: docs, access: access), parameters: parameters, body: body)
    }

    private func serverVariableLabels(_ server: Server?) -> String {
        guard let server, !server.variables.isEmpty else { return "" }
        return server.variables.keys.map { SwiftNaming.memberName($0) + ":" }.joined()
    }

    /// The URL with every variable at its default; nil when that is not an absolute URL.
    private func defaultServerURL(_ server: Server) -> String? {
        var url = server.url
        for (name, variable) in server.variables {
            url = url.replacing("{\(name)}", with: variable.defaultValue)
        }
        guard let parsed = URL(string: url), parsed.scheme != nil, parsed.host != nil else { return nil }
        return url
    }

    private func serverURLFunction(_ server: Server) -> Declaration {
        var literal = SwiftLiteral.string(server.url)
        var parameters: [Parameter] = []
        var docs = ["The server `\(server.url)` with its variables filled in.", "", "- Parameters:"]
        for (name, variable) in server.variables {
            let swiftName = SwiftNaming.memberName(name)
            parameters.append(
                Parameter(name: swiftName, type: .string, defaultValue: SwiftLiteral.string(variable.defaultValue)))
            literal = literal.replacing("{\(name)}", with: "\\(\(bare(swiftName)))")
            var line = "  - \(bare(swiftName)): " + (variable.description ?? "`\(name)`")
            if let values = variable.enumValues { line += " One of: " + values.map { "`\($0)`" }.joined(separator: ", ") + "." }
            docs.append(Documentation.oneLine(line))
        }
        return .function(
            FunctionDeclaration(
                info: DeclarationInfo(documentation: docs, access: access), modifiers: ["static"], name: "serverURL",
                parameters: parameters, returnType: .named("URL"),
                body: [
                    .line("// A server URL with its variables substituted is a valid URL unless a variable breaks it."),
                    .line("URL(string: \(literal))!"),
                ]))
    }

    private func bare(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }
}
