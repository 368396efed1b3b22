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

    /// All fields out of line, copied on write: schemas are passed and stored by the thousand (properties,
    /// items, allOf), and as a struct of some 45 fields each copy cost 784 bytes and 40 retains.
    private final class Storage: @unchecked Sendable {
        var location: SourceLocation
        var ref: Reference? = nil
        var booleanSchema: Bool? = nil
        var types: [JSONType] = []
        var isNullable: Bool = false
        var format: String? = nil
        var title: String? = nil
        var description: String? = nil
        var defaultValue: YAMLNode? = nil
        var examples: [YAMLNode] = []
        var enumValues: [YAMLNode]? = nil
        var constValue: YAMLNode? = nil
        var deprecated: Bool = false
        var readOnly: Bool = false
        var writeOnly: Bool = false
        var properties: OrderedMap<Schema> = OrderedMap<Schema>()
        var required: [String] = []
        var additionalProperties: AdditionalProperties? = nil
        var items: Schema? = nil
        var prefixItems: [Schema] = []
        var allOf: [Schema] = []
        var oneOf: [Schema] = []
        var anyOf: [Schema] = []
        var not: Schema? = nil
        var discriminator: Discriminator? = nil
        var limits: SchemaLimits = SchemaLimits()
        var contentMediaType: String? = nil
        var contentEncoding: String? = nil
        var extensions: Extensions = Extensions()

        init(location: SourceLocation) {
            self.location = location
        }

        func copy() -> Storage {
            let copy = Storage(location: location)
            copy.ref = ref
            copy.booleanSchema = booleanSchema
            copy.types = types
            copy.isNullable = isNullable
            copy.format = format
            copy.title = title
            copy.description = description
            copy.defaultValue = defaultValue
            copy.examples = examples
            copy.enumValues = enumValues
            copy.constValue = constValue
            copy.deprecated = deprecated
            copy.readOnly = readOnly
            copy.writeOnly = writeOnly
            copy.properties = properties
            copy.required = required
            copy.additionalProperties = additionalProperties
            copy.items = items
            copy.prefixItems = prefixItems
            copy.allOf = allOf
            copy.oneOf = oneOf
            copy.anyOf = anyOf
            copy.not = not
            copy.discriminator = discriminator
            copy.limits = limits
            copy.contentMediaType = contentMediaType
            copy.contentEncoding = contentEncoding
            copy.extensions = extensions
            return copy
        }
    }

    private var storage: Storage

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public var location: SourceLocation {
        get { storage.location }
        _modify {
            makeUnique()
            yield &storage.location
        }
    }
    public var ref: Reference? {
        get { storage.ref }
        _modify {
            makeUnique()
            yield &storage.ref
        }
    }
    /// `true`/`false` written in place of a schema (3.1, and in `additionalProperties` in 3.0).
    public var booleanSchema: Bool? {
        get { storage.booleanSchema }
        _modify {
            makeUnique()
            yield &storage.booleanSchema
        }
    }

    /// Types other than "null"; empty when the schema does not constrain the type.
    public var types: [JSONType] {
        get { storage.types }
        _modify {
            makeUnique()
            yield &storage.types
        }
    }
    public var isNullable: Bool {
        get { storage.isNullable }
        _modify {
            makeUnique()
            yield &storage.isNullable
        }
    }
    public var format: String? {
        get { storage.format }
        _modify {
            makeUnique()
            yield &storage.format
        }
    }
    public var title: String? {
        get { storage.title }
        _modify {
            makeUnique()
            yield &storage.title
        }
    }
    public var description: String? {
        get { storage.description }
        _modify {
            makeUnique()
            yield &storage.description
        }
    }
    public var defaultValue: YAMLNode? {
        get { storage.defaultValue }
        _modify {
            makeUnique()
            yield &storage.defaultValue
        }
    }
    public var examples: [YAMLNode] {
        get { storage.examples }
        _modify {
            makeUnique()
            yield &storage.examples
        }
    }
    public var enumValues: [YAMLNode]? {
        get { storage.enumValues }
        _modify {
            makeUnique()
            yield &storage.enumValues
        }
    }
    public var constValue: YAMLNode? {
        get { storage.constValue }
        _modify {
            makeUnique()
            yield &storage.constValue
        }
    }
    public var deprecated: Bool {
        get { storage.deprecated }
        _modify {
            makeUnique()
            yield &storage.deprecated
        }
    }
    public var readOnly: Bool {
        get { storage.readOnly }
        _modify {
            makeUnique()
            yield &storage.readOnly
        }
    }
    public var writeOnly: Bool {
        get { storage.writeOnly }
        _modify {
            makeUnique()
            yield &storage.writeOnly
        }
    }

    public var properties: OrderedMap<Schema> {
        get { storage.properties }
        _modify {
            makeUnique()
            yield &storage.properties
        }
    }
    public var required: [String] {
        get { storage.required }
        _modify {
            makeUnique()
            yield &storage.required
        }
    }
    public var additionalProperties: AdditionalProperties? {
        get { storage.additionalProperties }
        _modify {
            makeUnique()
            yield &storage.additionalProperties
        }
    }
    public var items: Schema? {
        get { storage.items }
        _modify {
            makeUnique()
            yield &storage.items
        }
    }
    public var prefixItems: [Schema] {
        get { storage.prefixItems }
        _modify {
            makeUnique()
            yield &storage.prefixItems
        }
    }

    public var allOf: [Schema] {
        get { storage.allOf }
        _modify {
            makeUnique()
            yield &storage.allOf
        }
    }
    public var oneOf: [Schema] {
        get { storage.oneOf }
        _modify {
            makeUnique()
            yield &storage.oneOf
        }
    }
    public var anyOf: [Schema] {
        get { storage.anyOf }
        _modify {
            makeUnique()
            yield &storage.anyOf
        }
    }
    public var not: Schema? {
        get { storage.not }
        _modify {
            makeUnique()
            yield &storage.not
        }
    }
    public var discriminator: Discriminator? {
        get { storage.discriminator }
        _modify {
            makeUnique()
            yield &storage.discriminator
        }
    }

    public var limits: SchemaLimits {
        get { storage.limits }
        _modify {
            makeUnique()
            yield &storage.limits
        }
    }
    public var contentMediaType: String? {
        get { storage.contentMediaType }
        _modify {
            makeUnique()
            yield &storage.contentMediaType
        }
    }
    public var contentEncoding: String? {
        get { storage.contentEncoding }
        _modify {
            makeUnique()
            yield &storage.contentEncoding
        }
    }
    public var extensions: Extensions {
        get { storage.extensions }
        _modify {
            makeUnique()
            yield &storage.extensions
        }
    }

    public init(at location: SourceLocation) {
        storage = Storage(location: location)
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
