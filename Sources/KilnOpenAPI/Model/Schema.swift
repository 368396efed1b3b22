import KilnDiagnostics
import KilnYAML

/// A JSON Schema as OpenAPI 3.0 and 3.1 use it, normalized: 3.0's `nullable: true` and 3.1's
/// `type: [T, "null"]` both set `isNullable`. A `$ref` is kept as `ref`; in 3.1 it may have siblings.
public struct Schema: Sendable {
    public enum JSONType: String, Sendable, Hashable, CaseIterable {
        case string, number, integer, boolean, array, object, null
    }

    public enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(Schema)
    }

    public struct Discriminator: Sendable {
        public var propertyName: String
        /// Wire value -> schema reference or bare component name, as written.
        public var mapping: OrderedMap<String>
        public var location: SourceLocation
        /// Wire value -> where its target is written, so a dangling target is reported on its own line.
        public var mappingLocations: [String: SourceLocation] = [:]
    }

    public var location: SourceLocation
    public var ref: Reference?
    /// `true`/`false` written in place of a schema (3.1, and in `additionalProperties` in 3.0).
    public var booleanSchema: Bool?

    /// Types other than "null"; empty when the schema does not constrain the type.
    public var types: [JSONType] = []
    public var isNullable = false
    public var format: String?
    public var title: String?
    public var description: String?
    public var defaultValue: YAMLNode?
    public var examples: [YAMLNode] = []
    public var enumValues: [YAMLNode]?
    public var constValue: YAMLNode?
    public var deprecated = false
    public var readOnly = false
    public var writeOnly = false

    public var properties = OrderedMap<Schema>()
    public var required: [String] = []
    @Indirect public var additionalProperties: AdditionalProperties? = nil
    @Indirect public var items: Schema? = nil
    public var prefixItems: [Schema] = []

    public var allOf: [Schema] = []
    public var oneOf: [Schema] = []
    public var anyOf: [Schema] = []
    @Indirect public var not: Schema? = nil
    public var discriminator: Discriminator?

    public var limits = SchemaLimits()
    public var contentMediaType: String?
    public var contentEncoding: String?
    public var extensions = Extensions()

    public init(at location: SourceLocation) {
        self.location = location
    }

    /// A schema that is only a `$ref` (with at most documentation beside it).
    public var isPureReference: Bool {
        ref != nil && types.isEmpty && properties.isEmpty && allOf.isEmpty && oneOf.isEmpty && anyOf.isEmpty
            && items == nil && enumValues == nil && !isNullable
    }

    /// Every schema directly nested in this one, for walks over the whole tree.
    public var children: [Schema] {
        var result = Array(properties.values)
        if case .schema(let schema) = additionalProperties { result.append(schema) }
        if let items { result.append(items) }
        result += prefixItems + allOf + oneOf + anyOf
        if let not { result.append(not) }
        return result
    }
}

/// The numeric, string, array and object limits of a schema; kept for documentation and validation.
public struct SchemaLimits: Sendable {
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?
    public var multipleOf: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems = false
    public var minProperties: Int?
    public var maxProperties: Int?

    public init() {}
}
