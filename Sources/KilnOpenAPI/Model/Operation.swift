import KilnDiagnostics
import KilnYAML

/// An operation's method: a fixed field of the Path Item (`get`, 3.2's `query`), or a key of 3.2's
/// `additionalOperations`, kept as written (`COPY`).
public struct HTTPMethodName: RawRepresentable, Sendable, Hashable {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let get = Self(rawValue: "get")
    public static let put = Self(rawValue: "put")
    public static let post = Self(rawValue: "post")
    public static let delete = Self(rawValue: "delete")
    public static let options = Self(rawValue: "options")
    public static let head = Self(rawValue: "head")
    public static let patch = Self(rawValue: "patch")
    public static let trace = Self(rawValue: "trace")
    public static let query = Self(rawValue: "query")

    /// The Path Item's fixed fields of OpenAPI 3.0 and 3.1, in the specification's order.
    public static let allCases: [Self] = [.get, .put, .post, .delete, .options, .head, .patch, .trace]

    /// The method token on the wire: `GET`, or an additional operation's key as written.
    public var token: String { Self.fixedFields.contains(self) ? rawValue.uppercased() : rawValue }

    private static let fixedFields = Set(allCases + [.query])
}

public struct PathItem: Sendable {
    /// A path item may itself be a `$ref` (to `#/components/pathItems/...` in 3.1).
    public var ref: Reference?
    public var summary: String?
    public var description: String?
    public var operations: [(method: HTTPMethodName, operation: Operation)] = []
    public var servers: [Server]?
    public var parameters: [Referenceable<Parameter>] = []
    public var extensions = Extensions()
    public var location: SourceLocation
    /// Where the item's key (its path template under `paths`) is written; problems with the path
    /// itself are reported there. nil for items that are not keyed by a path.
    public var keyLocation: SourceLocation?

    public init(at location: SourceLocation) {
        self.location = location
    }
}

public struct Operation: Sendable {
    public var tags: [String] = []
    public var summary: String?
    public var description: String?
    public var externalDocs: ExternalDocumentation?
    public var operationId: String?
    public var operationIdLocation: SourceLocation?
    public var parameters: [Referenceable<Parameter>] = []
    public var requestBody: Referenceable<RequestBody>?
    /// Status code ("200", "2XX", "default") -> response, in spec order.
    public var responses = OrderedMap<Referenceable<Response>>()
    public var callbacks = OrderedMap<Referenceable<OrderedMap<PathItem>>>()
    public var deprecated = false
    public var security: [SecurityRequirement]?
    public var servers: [Server]?
    public var extensions = Extensions()
    public var location: SourceLocation

    public init(at location: SourceLocation) {
        self.location = location
    }
}

public struct Parameter: Sendable {
    public enum Location: String, Sendable, Hashable, CaseIterable {
        case path, query, header, cookie

        /// The styles OpenAPI 3.x allows in this location (the "Style Values" table).
        public var allowedStyles: [Style] {
            switch self {
            case .path: [.matrix, .label, .simple]
            case .query: [.form, .spaceDelimited, .pipeDelimited, .deepObject]
            case .header: [.simple]
            case .cookie: [.form]
            }
        }
    }

    public enum Style: String, Sendable, Hashable, CaseIterable {
        case matrix, label, form, simple, spaceDelimited, pipeDelimited, deepObject
    }

    public var name: String
    public var location: Location
    public var description: String?
    public var required = false
    public var deprecated = false
    public var allowEmptyValue = false
    public var style: Style?
    public var explode: Bool?
    public var allowReserved = false
    public var schema: Schema?
    public var content = OrderedMap<MediaType>()
    public var example: YAMLNode?
    public var examples = OrderedMap<Referenceable<Example>>()
    public var extensions = Extensions()
    public var sourceLocation: SourceLocation

    public init(name: String, location: Location, at sourceLocation: SourceLocation) {
        self.name = name
        self.location = location
        self.sourceLocation = sourceLocation
    }

    /// The style in effect: the spec's, or OpenAPI's default for the parameter's location.
    public var effectiveStyle: Style {
        style ?? (location == .query || location == .cookie ? .form : .simple)
    }

    /// `explode` in effect: OpenAPI defaults it to true for form style only.
    public var effectiveExplode: Bool { explode ?? (effectiveStyle == .form) }
}

public struct RequestBody: Sendable {
    public var description: String?
    /// Media type ("application/json") -> content, in spec order.
    public var content = OrderedMap<MediaType>()
    public var required = false
    public var extensions = Extensions()
    public var location: SourceLocation
}

public struct MediaType: Sendable {
    public var schema: Schema?
    /// OpenAPI 3.2: the schema of each item of a sequential media type (JSON Lines, server-sent events).
    public var itemSchema: Schema?
    public var example: YAMLNode?
    public var examples = OrderedMap<Referenceable<Example>>()
    public var encoding = OrderedMap<Encoding>()
    public var extensions = Extensions()
    public var location: SourceLocation
}

public struct Encoding: Sendable {
    public var contentType: String?
    public var headers = OrderedMap<Referenceable<Header>>()
    public var style: Parameter.Style?
    public var explode: Bool?
    public var allowReserved = false
    public var location: SourceLocation
}

public struct Response: Sendable {
    public var description: String
    public var headers = OrderedMap<Referenceable<Header>>()
    public var content = OrderedMap<MediaType>()
    public var links = OrderedMap<YAMLNode>()
    public var extensions = Extensions()
    public var location: SourceLocation
}

public struct Header: Sendable {
    public var description: String?
    public var required = false
    public var deprecated = false
    public var style: Parameter.Style?
    public var explode: Bool?
    public var schema: Schema?
    public var content = OrderedMap<MediaType>()
    public var example: YAMLNode?
    public var examples = OrderedMap<Referenceable<Example>>()
    public var extensions = Extensions()
    public var location: SourceLocation
}

public struct Example: Sendable {
    public var summary: String?
    public var description: String?
    public var value: YAMLNode?
    public var externalValue: String?
    public var extensions = Extensions()
    public var location: SourceLocation
}
