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

    /// Where later calls carry the token: `SessionTokenMiddleware.Placement`.
    enum Placement: Equatable {
        case bearerHeader
        case header(String)
        case jsonBodyField(String)
        case queryItem(String)

        /// The placement as Swift source: `.jsonBodyField("kmd")`.
        var source: String {
            switch self {
            case .bearerHeader: ".bearerHeader"
            case .header(let name): ".header(\(SwiftLiteral.string(name)))"
            case .jsonBodyField(let name): ".jsonBodyField(\(SwiftLiteral.string(name)))"
            case .queryItem(let name): ".queryItem(\(SwiftLiteral.string(name)))"
            }
        }

        /// The body field that carries the token (`kmd`), which a server reads back; nil elsewhere.
        var bodyField: String? {
            if case .jsonBodyField(let name) = self { name } else { nil }
        }
    }

    var placement: Placement
    /// Login operations that must not carry an old token.
    var excludedOperationIDs: [String]

    /// nil when the document has no login.
    init?(document: OpenAPIDocument) {
        var placement: Placement?
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
        self.placement = Self.placement(document.extensions["x-kiln-session"]) ?? placement ?? .bearerHeader
        excludedOperationIDs = excluded
    }

    private static func placement(_ node: YAMLNode?) -> Placement? {
        guard let node, let name = node["name"]?.scalar?.text else { return nil }
        switch node["in"]?.scalar?.text ?? "header" {
        case "body": return .jsonBodyField(name)
        case "query": return .queryItem(name)
        default: return .header(name)
        }
    }

    private static func placement(forScheme name: String, in document: OpenAPIDocument) -> Placement? {
        guard let entry = document.components.securitySchemes[name], let scheme = document.resolve(entry) else { return nil }
        switch scheme.kind {
        case .apiKey:
            guard let header = scheme.name else { return nil }
            return scheme.apiKeyLocation == .query ? .queryItem(header) : .header(header)
        default:
            return .bearerHeader
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
