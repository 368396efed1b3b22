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
        var signatures: [OperationTranslator.Signature] = []
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
        var memberScope = NameScope(reserved: ["core", "defaultBaseURL", "serverURL"])
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
                if operation.extensions["x-kiln-pagination"] != nil {
                    let pagesName = scope.claim(bare(name) + "Pages")
                    let allName = scope.claim(bare(name) + "All")
                    groups[index].functions += PaginationTranslator(translator: translator, access: access)
                        .translate(output.signature, pagesName: pagesName, allName: allName)
                }
                methodScopes[key] = scope
                operationTypes += output.types
            }
        }
        return Output(client: clientDeclaration(groups), groups: groups, operationTypes: operationTypes)
    }

    /// A group type is nested in the client, so it would shadow a model of the same name inside the
    /// client's code: it takes a name no top-level type has (`Roles`, else `RolesOperations`).
    private func groupTypeName(_ tag: String) -> String {
        let preferred = SwiftNaming.typeName(tag)
        let name = translator.topLevelScope.contains(preferred) ? preferred + "Operations" : preferred
        return translator.topLevelScope.claim(name)
    }

    private func clientDeclaration(_ groups: [Group]) -> Declaration {
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
        members.append(
            .initializer(
                InitializerDeclaration(
                    info: DeclarationInfo(
                        documentation: [
                            "A client for \(document.info.title).", "",
                            "- Parameters:",
                            "  - baseURL: The server, e.g. from ``serverURL(\(serverVariableLabels(server)))``.",
                            "  - transport: How requests are sent; URLSession by default.",
                            "  - middlewares: Applied to every request, outermost first (auth, retries, logging).",
                        ],
                        access: access),
                    parameters: [
                        Parameter(
                            name: "baseURL", type: .named("URL"),
                            defaultValue: defaultURL == nil ? nil : "\(clientName).defaultBaseURL"),
                        Parameter(name: "transport", type: .named("any HTTPTransport"), defaultValue: "URLSessionTransport()"),
                        Parameter(name: "middlewares", type: .named("[any ClientMiddleware]"), defaultValue: "[]"),
                    ],
                    body: [
                        .line("self.core = APIClientCore(baseURL: baseURL, transport: transport, middlewares: middlewares)")
                    ])))
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
