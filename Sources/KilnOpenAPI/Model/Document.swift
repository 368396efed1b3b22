import KilnDiagnostics
import KilnYAML

/// A loaded OpenAPI 3.0 or 3.1 document.
public struct OpenAPIDocument: Sendable {
    public enum Version: Sendable, Hashable {
        /// 3.2 and later minor versions read with 3.2's rules.
        case v3_0, v3_1, v3_2
    }

    public var file: String
    public var openapi: String
    public var version: Version
    public var info: Info
    public var jsonSchemaDialect: String?
    public var servers: [Server] = []
    /// Path template -> item, in spec order.
    public var paths = OrderedMap<PathItem>()
    public var webhooks = OrderedMap<PathItem>()
    public var components = Components()
    public var security: [SecurityRequirement]?
    public var tags: [Tag] = []
    public var externalDocs: ExternalDocumentation?
    public var extensions = Extensions()

    public init(file: String, openapi: String, version: Version, info: Info) {
        self.file = file
        self.openapi = openapi
        self.version = version
        self.info = info
    }
}

public struct Info: Sendable {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?
    public var termsOfService: String?
    public var contact: Contact?
    public var license: License?
    public var extensions = Extensions()
    public var location: SourceLocation

    public init(title: String, version: String, at location: SourceLocation) {
        self.title = title
        self.version = version
        self.location = location
    }
}

public struct Contact: Sendable {
    public var name: String?
    public var url: String?
    public var email: String?
}

public struct License: Sendable {
    public var name: String
    public var identifier: String?
    public var url: String?
}

public struct ExternalDocumentation: Sendable {
    public var url: String
    public var description: String?
}

public struct Server: Sendable {
    public struct Variable: Sendable {
        public var defaultValue: String
        public var enumValues: [String]?
        public var description: String?
        public var location: SourceLocation
    }

    public var url: String
    public var description: String?
    public var variables = OrderedMap<Variable>()
    public var extensions = Extensions()
    public var location: SourceLocation
}

public struct Tag: Sendable {
    public var name: String
    public var description: String?
    public var externalDocs: ExternalDocumentation?
    public var extensions = Extensions()
    public var location: SourceLocation
}
