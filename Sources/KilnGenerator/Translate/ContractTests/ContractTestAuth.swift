import KilnOpenAPI
import KilnText

/// Credentials for contract tests: with a static security scheme (HTTP basic, bearer, an API key in a
/// header), every test builds the client with that scheme's factory and asserts the header the server
/// received, or its absence where the operation's requirements leave the scheme out (a login). OAuth 2
/// needs a token endpoint; ClientBehaviourTests cover it.
extension ContractTestTranslator {
    struct StaticAuth {
        /// The factory call, e.g. `IServClient.basicAuth(username: "user", password: "pa ss")`.
        var middleware: String
        var header: String
        /// nil where the operation's requirements leave the scheme out.
        var value: String?
        /// What a generated server reads from it, as a `ServerCredentials` expression; nil when not sent.
        var credentials: String? = nil
    }

    func staticAuth(for operation: Operation) -> StaticAuth? {
        for (name, entry) in document.components.securitySchemes {
            guard let scheme = document.resolve(entry) else { continue }
            let factory = "\(clientName).\(SwiftNaming.memberName(name))"
            let sent = AuthTranslator.sends(name, with: operation, in: document)
            switch (scheme.kind, scheme.scheme?.lowercased()) {
            case (.http, "basic"):
                let (user, password) = ("kiln-user", "pa:ss wörd")
                let encoded = Base64.encode("\(user):\(password)".utf8)
                return StaticAuth(
                    middleware: "\(factory)(username: \(SwiftLiteral.string(user)), password: \(SwiftLiteral.string(password)))",
                    header: "Authorization", value: sent ? "Basic \(encoded)" : nil,
                    credentials: sent ? "ServerCredentials(basic: BasicCredentials(user: \(SwiftLiteral.string(user)), password: \(SwiftLiteral.string(password))))" : nil)
            case (.http, "bearer"):
                return StaticAuth(
                    middleware: "\(factory)(token: \"kiln-token\")", header: "Authorization", value: sent ? "Bearer kiln-token" : nil,
                    credentials: sent ? "ServerCredentials(bearerToken: \"kiln-token\")" : nil)
            case (.apiKey, _) where scheme.apiKeyLocation == .header:
                guard let header = scheme.name else { continue }
                return StaticAuth(
                    middleware: "\(factory)(key: \"kiln-key\")", header: header, value: sent ? "kiln-key" : nil,
                    credentials: sent ? "ServerCredentials(apiKeys: [\(SwiftLiteral.string(name)): \"kiln-key\"])" : nil)
            default:
                continue
            }
        }
        return nil
    }
}
