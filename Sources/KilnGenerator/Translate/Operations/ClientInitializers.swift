import KilnOpenAPI
import KilnText

/// How a client is created: its initializer (fixed envelope fields, the session middleware when the
/// API has a login) and its server URLs.
extension ClientTranslator {
    var session: SessionSettings? { SessionSettings(document: translator.document) }

    /// Fixed envelope fields (`x-kiln-actions.fixed`) of the document's action operation, if any.
    var fixedFields: [ActionTranslator.FixedField] {
        for (_, item) in translator.document.paths {
            for (_, operation) in item.operations where operation.extensions["x-kiln-actions"] != nil {
                return ActionTranslator(translator: translator, access: access).fixedFields(operation)
            }
        }
        return []
    }

    /// `init(baseURL:transport:middlewares:)`, plus the envelope's fixed fields, and the session
    /// middleware when the API has a login.
    func convenienceInitializer(server: Server?, hasDefaultURL: Bool) -> InitializerDeclaration {
        let fixed = fixedFields
        var docs = [
            "A client for \(translator.document.info.title).", "",
            "- Parameters:",
            hasDefaultURL && server?.variables.isEmpty == false
                ? "  - baseURL: The server, e.g. from ``serverURL(\(serverVariableLabels(server)))``."
                : hasDefaultURL ? "  - baseURL: The server; by default the spec's first." : "  - baseURL: The server, e.g. `https://api.example.com`.",
        ]
        docs += fixed.map { "  - \(SwiftNaming.argumentLabel($0.name)): Sent as `\($0.wireName)` in every request body." }
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
                        "let sessionMiddleware = SessionTokenMiddleware(store: session, placement: \(session.placement.source), excludedOperationIDs: [\(excluded)], clearOnUnauthorized: true)"
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

    func serverVariableLabels(_ server: Server?) -> String {
        guard let server, !server.variables.isEmpty else { return "" }
        return server.variables.keys.map { SwiftNaming.memberName($0) + ":" }.joined()
    }

    /// The URL with every variable at its default; nil when that is not an absolute URL.
    func defaultServerURL(_ server: Server) -> String? {
        var url = server.url
        for (name, variable) in server.variables {
            url = url.replacing("{\(name)}", with: variable.defaultValue)
        }
        guard let parsed = URLReference(url), parsed.scheme != nil, parsed.host?.isEmpty == false else { return nil }
        return url
    }

    func serverURLFunction(_ server: Server) -> Declaration {
        var literal = SwiftLiteral.string(server.url)
        var parameters: [Parameter] = []
        var docs = ["The server `\(server.url)` with its variables filled in.", "", "- Parameters:"]
        for (name, variable) in server.variables {
            let swiftName = SwiftNaming.memberName(name)
            parameters.append(
                Parameter(name: swiftName, type: .string, defaultValue: SwiftLiteral.string(variable.defaultValue)))
            literal = literal.replacing("{\(name)}", with: "\\(\(swiftName))")
            var line = Documentation.oneLine(variable.description ?? "`\(name)`")
            if let values = variable.enumValues, !values.isEmpty { line += " One of: " + values.map { "`\($0)`" }.joined(separator: ", ") + "." }
            // Indented under `- Parameters:`, as DocC reads parameter lists.
            docs.append("  - \(SwiftNaming.argumentLabel(swiftName)): " + line)
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
}
