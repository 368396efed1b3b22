import KilnOpenAPI
import KilnYAML

/// What `x-kiln-login`, `x-kiln-actions.login` and `x-kiln-session` declare: which calls obtain or end
/// a session token, and where later calls carry it. A client with a session holds the token in
/// `core.session` and sends it through a `SessionTokenMiddleware`.
struct SessionSettings {
    /// One login or logout, from an `x-kiln-login` object.
    struct Login {
        /// Dot path in the success body to the token; nil for a logout.
        var tokenPath: String?
        var isLogout: Bool

        init?(_ node: YAMLNode?) {
            guard let node else { return nil }
            tokenPath = node["token"]?.scalar?.text
            isLogout = node["logout"]?.scalar?.resolved == .bool(true)
            if tokenPath == nil && !isLogout { return nil }
        }
    }

    /// `SessionTokenMiddleware.Placement` as Swift source.
    var placement: String
    /// Login operations that must not carry an old token.
    var excludedOperationIDs: [String]

    /// nil when the document has no login.
    init?(document: OpenAPIDocument) {
        var placement: String?
        var excluded: [String] = []
        var hasLogin = false
        for (path, item) in document.paths {
            for (method, operation) in item.operations {
                let operationID = operation.operationId ?? OperationNaming.derivedName(method: method, path: path)
                if let login = Login(operation.extensions["x-kiln-login"]) {
                    hasLogin = true
                    if login.tokenPath != nil { excluded.append(operationID) }
                    if let scheme = operation.extensions["x-kiln-login"]?["scheme"]?.scalar?.text {
                        placement = placement ?? Self.placement(forScheme: scheme, in: document)
                    }
                }
                if let logins = operation.extensions["x-kiln-actions"]?["login"]?.mapping, !logins.isEmpty {
                    hasLogin = true
                }
                placement = Self.placement(operation.extensions["x-kiln-session"]) ?? placement
            }
        }
        guard hasLogin else { return nil }
        self.placement = Self.placement(document.extensions["x-kiln-session"]) ?? placement ?? ".bearerHeader"
        excludedOperationIDs = excluded
    }

    private static func placement(_ node: YAMLNode?) -> String? {
        guard let node, let name = node["name"]?.scalar?.text else { return nil }
        switch node["in"]?.scalar?.text ?? "header" {
        case "body": return ".jsonBodyField(\(SwiftLiteral.string(name)))"
        case "query": return ".queryItem(\(SwiftLiteral.string(name)))"
        default: return ".header(\(SwiftLiteral.string(name)))"
        }
    }

    private static func placement(forScheme name: String, in document: OpenAPIDocument) -> String? {
        guard let entry = document.components.securitySchemes[name], let scheme = document.resolve(entry) else { return nil }
        switch scheme.kind {
        case .apiKey:
            guard let header = scheme.name else { return nil }
            return scheme.apiKeyLocation == .query
                ? ".queryItem(\(SwiftLiteral.string(header)))" : ".header(\(SwiftLiteral.string(header)))"
        default:
            return ".bearerHeader"
        }
    }

    /// Statements that store or forget the token after a successful `response`.
    static func statements(_ login: Login, responseSchema: Schema?, translator: ModelTranslator) -> [Statement] {
        if login.isLogout { return [.line("await core.session.clear()")] }
        guard let path = login.tokenPath, let schema = responseSchema,
            let accessor = PropertyPath(translator: translator).accessor(path, from: schema, root: "response.body"),
            accessor.type == .string
        else { return [] }
        return [.line("await core.session.setToken(\(accessor.expression))")]
    }
}
