import KilnDiagnostics

/// Scheme name -> required scopes. An empty requirement (`{}`) makes authentication optional.
public struct SecurityRequirement: Sendable {
    public var schemes: OrderedMap<[String]>
    public var location: SourceLocation
}

public struct SecurityScheme: Sendable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case apiKey, http, oauth2, openIdConnect, mutualTLS
    }

    public enum APIKeyLocation: String, Sendable, Hashable, CaseIterable {
        case query, header, cookie
    }

    public struct OAuthFlow: Sendable {
        public var authorizationUrl: String?
        public var tokenUrl: String?
        public var refreshUrl: String?
        public var scopes = OrderedMap<String>()
    }

    public struct OAuthFlows: Sendable {
        public var implicit: OAuthFlow?
        public var password: OAuthFlow?
        public var clientCredentials: OAuthFlow?
        public var authorizationCode: OAuthFlow?
    }

    public var kind: Kind
    public var description: String?
    /// apiKey: the header, query or cookie name.
    public var name: String?
    public var apiKeyLocation: APIKeyLocation?
    /// http: "bearer", "basic", ...
    public var scheme: String?
    public var bearerFormat: String?
    public var flows: OAuthFlows?
    public var openIdConnectUrl: String?
    public var extensions = Extensions()
    public var location: SourceLocation
}
