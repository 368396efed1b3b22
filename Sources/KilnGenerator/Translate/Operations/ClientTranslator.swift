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
        // Each group's operation names, so a derived method's name (`downloadChunks`) yields to a later operation's.
        var plannedNames: [String: Set<String>] = [:]
        for (path, item) in document.paths {
            for (method, operation) in item.operations {
                let name = OperationNaming.methodName(operation: operation, method: method, path: path, tag: operation.tags.first)
                plannedNames[operation.tags.first ?? "", default: []].insert(SwiftNaming.unescaped(name))
            }
        }
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
                if scope.contains(name) || scope.contains(SwiftNaming.unescaped(name) + "Raw") {
                    name = SwiftNaming.memberName(
                        operation.operationId ?? OperationNaming.derivedName(method: method, path: path))
                }
                name = scope.claim(name)
                _ = scope.claim(SwiftNaming.unescaped(name) + "Raw")
                let output = OperationTranslator(translator: translator, access: access).translate(
                    path: path, method: method, item: item, operation: operation, name: name,
                    claimMethodName: { [planned = plannedNames[key] ?? []] in scope.claim($0, avoiding: planned) })
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
                    let plainList = tag != nil && SwiftNaming.unescaped(name) == "list"
                    let pagesName = scope.claim(plainList ? "pages" : SwiftNaming.unescaped(name) + "Pages")
                    let allName = scope.claim(plainList ? "all" : SwiftNaming.unescaped(name) + "All")
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

}
