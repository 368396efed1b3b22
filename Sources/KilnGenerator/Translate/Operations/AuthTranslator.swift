import KilnOpenAPI
import KilnText

/// One static factory on the client per security scheme, returning the runtime middleware that
/// authenticates every call: `IServClient(middlewares: [IServClient.basicAuth(username:password:)])`.
/// Schemes the runtime cannot serve (OpenID Connect, mutual TLS, OAuth flows other than client
/// credentials) get no factory; callers add their own middleware.
struct AuthTranslator {
    let document: OpenAPIDocument
    let clientName: String
    let access: AccessLevel
    /// Whether the client has `defaultBaseURL`, the default for server-relative token URLs.
    let hasDefaultBaseURL: Bool

    func translate(scope: inout NameScope) -> [Declaration] {
        document.components.securitySchemes.compactMap { name, entry in
            guard let scheme = document.resolve(entry) else { return nil }
            return factory(for: scheme, named: name, scope: &scope)
        }
    }

    private func factory(for scheme: SecurityScheme, named schemeName: String, scope: inout NameScope) -> Declaration? {
        var parameters: [Parameter]
        var body: [Statement]
        var docs = Documentation.lines(summary: "Authenticates every call with `\(schemeName)`.", description: scheme.description)
        switch (scheme.kind, scheme.scheme?.lowercased()) {
        case (.http, "basic"):
            parameters = [Parameter(name: "username", type: .string), Parameter(name: "password", type: .string)]
            body = [.line("BasicAuthMiddleware(username: username, password: password)")]
        case (.http, "bearer"):
            parameters = [Parameter(name: "token", type: .string)]
            body = [.line("BearerTokenMiddleware(token: token)")]
        case (.apiKey, _):
            guard let keyName = scheme.name, let location = scheme.apiKeyLocation else { return nil }
            parameters = [Parameter(name: "key", type: .string)]
            body = [.line("APIKeyMiddleware(name: \(SwiftLiteral.string(keyName)), value: key, location: .\(location.rawValue))")]
        case (.oauth2, _):
            guard let flow = scheme.flows?.clientCredentials, let tokenURL = flow.tokenUrl else { return nil }
            let (urlParameters, urlExpression) = tokenURLInputs(tokenURL)
            let scopes = flow.scopes.keys.joined(separator: " ")
            parameters =
                [Parameter(name: "clientID", type: .string), Parameter(name: "clientSecret", type: .string)] + urlParameters
                + [
                    Parameter(name: "scope", type: .string.optional, defaultValue: scopes.isEmpty ? "nil" : SwiftLiteral.string(scopes)),
                    Parameter(name: "transport", type: .named("any HTTPTransport"), defaultValue: "URLSessionTransport()"),
                ]
            body = [
                .opened(
                    "OAuth2Middleware(", [
                        .opened(
                            "provider: OAuth2ClientCredentials(", [
                                .line("tokenURL: \(urlExpression), clientID: clientID, clientSecret: clientSecret, scope: scope,"),
                                .line("transport: transport"),
                            ], closing: ")")
                    ], closing: ")")
            ]
            docs += [
                "",
                "OAuth 2 client credentials against `\(tokenURL)`: the token is fetched once, shared by concurrent",
                "calls, renewed shortly before it expires, and renewed once more when the server answers 401.",
            ]
        default:
            return nil
        }
        let skipped = operationsNotUsing(schemeName)
        if !skipped.isEmpty, let last = body.popLast() {
            // Operations whose security requirements leave this scheme out (a login with `security: []`).
            let skipping = ".skipping([\(skipped.map(SwiftLiteral.string).joined(separator: ", "))])"
            switch last {
            case .line(let text): body.append(.line(text + skipping))
            case .opened(let header, let inner, let closing): body.append(.opened(header, inner, closing: closing + skipping))
            default: body.append(last)
            }
            docs += ["", "Not sent with \(skipped.map { "`\($0)`" }.joined(separator: ", ")), whose security requirements leave this scheme out."]
        }
        return .function(
            FunctionDeclaration(
                info: DeclarationInfo(documentation: docs, access: access), modifiers: ["static"],
                name: scope.claim(SwiftNaming.memberName(schemeName)), parameters: parameters,
                returnType: .named("any ClientMiddleware"), body: body))
    }

    /// Operation IDs (sorted) whose effective security requirements (their own, else the document's)
    /// neither name the scheme nor allow anonymous access (`{}`). Without any requirement, every operation
    /// gets the scheme: a spec that declares a scheme but no `security` still means it.
    private func operationsNotUsing(_ schemeName: String) -> [String] {
        var skipped: [String] = []
        for (path, item) in document.paths {
            for (method, operation) in item.operations where !Self.sends(schemeName, with: operation, in: document) {
                skipped.append(operation.operationId ?? OperationNaming.derivedName(method: method, path: path))
            }
        }
        return skipped.sorted()
    }

    /// Whether the scheme's factory middleware authenticates `operation`: its effective requirements name
    /// the scheme or allow anonymous access, or there are none at all.
    static func sends(_ schemeName: String, with operation: Operation, in document: OpenAPIDocument) -> Bool {
        guard let requirements = operation.security ?? document.security else { return true }
        return requirements.contains { $0.schemes.isEmpty || $0.schemes[schemeName] != nil }
    }

    /// A token URL may be absolute, relative to the server (`/oauth/token`), or use the server's
    /// variables (`https://{instance}/ids/connect/token`): the factory asks for what it needs.
    private func tokenURLInputs(_ tokenURL: String) -> ([Parameter], String) {
        let server = document.servers.first
        let variables = server?.variables.keys.filter { tokenURL.contains("{\($0)}") } ?? []
        if !variables.isEmpty, let server {
            var literal = SwiftLiteral.string(tokenURL)
            var parameters: [Parameter] = []
            for name in variables {
                let swiftName = SwiftNaming.memberName(name)
                let defaultValue = server.variables[name]?.defaultValue ?? ""
                parameters.append(Parameter(name: swiftName, type: .string, defaultValue: SwiftLiteral.string(defaultValue)))
                literal = literal.replacing("{\(name)}", with: "\\(\(swiftName))")
            }
            return (parameters, "URL(string: \(literal))!")
        }
        if tokenURL.hasPrefix("/") || !tokenURL.contains("://") {
            return (
                [Parameter(name: "serverURL", type: .named("URL"), defaultValue: hasDefaultBaseURL ? "\(clientName).defaultBaseURL" : nil)],
                "URL(string: \(SwiftLiteral.string(tokenURL)), relativeTo: serverURL)!.absoluteURL"
            )
        }
        return ([Parameter(name: "tokenURL", type: .named("URL"), defaultValue: "URL(string: \(SwiftLiteral.string(tokenURL)))!")], "tokenURL")
    }
}
