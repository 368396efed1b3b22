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
    /// items, allOf), and as a struct of some 45 fields each copy cost 784 bytes and 40 retains. The fields
    /// stay one struct, so copying the box copies every one of them (the rare ones' box is shared until
    /// written).
    private struct Fields {
        var location: SourceLocation
        var ref: Reference? = nil
        var types: [JSONType] = []
        var isNullable: Bool = false
        var format: String? = nil
        var title: String? = nil
        var description: String? = nil
        var defaultValue: YAMLNode? = nil
        var examples: [YAMLNode] = []
        var enumValues: [YAMLNode]? = nil
        var deprecated: Bool = false
        var readOnly: Bool = false
        var writeOnly: Bool = false
        var properties: OrderedMap<Schema> = OrderedMap<Schema>()
        var required: [String] = []
        var additionalProperties: AdditionalProperties? = nil
        var items: Schema? = nil
        var allOf: [Schema] = []
        var oneOf: [Schema] = []
        var anyOf: [Schema] = []
        var extensions: Extensions = Extensions()
        var rare: RareStorage? = nil
    }

    /// Fields most schemas leave unset, in a second box made on first write: they are nearly half of
    /// the fields' size, and a large spec holds thousands of schemas that use none of them.
    private struct RareFields {
        var booleanSchema: Bool? = nil
        var constValue: YAMLNode? = nil
        var prefixItems: [Schema] = []
        var not: Schema? = nil
        var discriminator: Discriminator? = nil
        var limits: SchemaLimits = SchemaLimits()
        var contentMediaType: String? = nil
        var contentEncoding: String? = nil
    }

    private final class RareStorage: @unchecked Sendable {
        var fields: RareFields

        init(_ fields: RareFields) {
            self.fields = fields
        }
    }

    private final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var storage: Storage

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    /// The rare fields' box, made or copied so that it belongs to this schema alone.
    private mutating func uniqueRare() -> RareStorage {
        makeUnique()
        guard var rare = storage.fields.rare else {
            let made = RareStorage(RareFields())
            storage.fields.rare = made
            return made
        }
        if !isKnownUniquelyReferenced(&rare) {
            rare = RareStorage(rare.fields)
            storage.fields.rare = rare
        }
        return rare
    }

    public var location: SourceLocation {
        get { storage.fields.location }
        _modify {
            makeUnique()
            yield &storage.fields.location
        }
    }
    public var ref: Reference? {
        get { storage.fields.ref }
        _modify {
            makeUnique()
            yield &storage.fields.ref
        }
    }
    /// `true`/`false` written in place of a schema (3.1, and in `additionalProperties` in 3.0).
    public var booleanSchema: Bool? {
        get { storage.fields.rare?.fields.booleanSchema }
        _modify {
            let rare = uniqueRare()
            yield &rare.fields.booleanSchema
        }
    }

    /// Types other than "null"; empty when the schema does not constrain the type.
    public var types: [JSONType] {
        get { storage.fields.types }
        _modify {
            makeUnique()
            yield &storage.fields.types
        }
    }
    public var isNullable: Bool {
        get { storage.fields.isNullable }
        _modify {
            makeUnique()
            yield &storage.fields.isNullable
        }
    }
    public var format: String? {
        get { storage.fields.format }
        _modify {
            makeUnique()
            yield &storage.fields.format
        }
    }
    public var title: String? {
        get { storage.fields.title }
        _modify {
            makeUnique()
            yield &storage.fields.title
        }
    }
    public var description: String? {
        get { storage.fields.description }
        _modify {
            makeUnique()
            yield &storage.fields.description
        }
    }
    public var defaultValue: YAMLNode? {
        get { storage.fields.defaultValue }
        _modify {
            makeUnique()
            yield &storage.fields.defaultValue
        }
    }
    public var examples: [YAMLNode] {
        get { storage.fields.examples }
        _modify {
            makeUnique()
            yield &storage.fields.examples
        }
    }
    public var enumValues: [YAMLNode]? {
        get { storage.fields.enumValues }
        _modify {
            makeUnique()
            yield &storage.fields.enumValues
        }
    }
    public var constValue: YAMLNode? {
        get { storage.fields.rare?.fields.constValue }
        _modify {
            let rare = uniqueRare()
            yield &rare.fields.constValue
        }
    }
    public var deprecated: Bool {
        get { storage.fields.deprecated }
        _modify {
            makeUnique()
            yield &storage.fields.deprecated
        }
    }
    public var readOnly: Bool {
        get { storage.fields.readOnly }
        _modify {
            makeUnique()
            yield &storage.fields.readOnly
        }
    }
    public var writeOnly: Bool {
        get { storage.fields.writeOnly }
        _modify {
            makeUnique()
            yield &storage.fields.writeOnly
        }
    }

    public var properties: OrderedMap<Schema> {
        get { storage.fields.properties }
        _modify {
            makeUnique()
            yield &storage.fields.properties
        }
    }
    public var required: [String] {
        get { storage.fields.required }
        _modify {
            makeUnique()
            yield &storage.fields.required
        }
    }
    public var additionalProperties: AdditionalProperties? {
        get { storage.fields.additionalProperties }
        _modify {
            makeUnique()
            yield &storage.fields.additionalProperties
        }
    }
    public var items: Schema? {
        get { storage.fields.items }
        _modify {
            makeUnique()
            yield &storage.fields.items
        }
    }
    public var prefixItems: [Schema] {
        get { storage.fields.rare?.fields.prefixItems ?? [] }
        _modify {
            let rare = uniqueRare()
            yield &rare.fields.prefixItems
        }
    }

    public var allOf: [Schema] {
        get { storage.fields.allOf }
        _modify {
            makeUnique()
            yield &storage.fields.allOf
        }
    }
    public var oneOf: [Schema] {
        get { storage.fields.oneOf }
        _modify {
            makeUnique()
            yield &storage.fields.oneOf
        }
    }
    public var anyOf: [Schema] {
        get { storage.fields.anyOf }
        _modify {
            makeUnique()
            yield &storage.fields.anyOf
        }
    }
    public var not: Schema? {
        get { storage.fields.rare?.fields.not }
        _modify {
            let rare = uniqueRare()
            yield &rare.fields.not
        }
    }
    public var discriminator: Discriminator? {
        get { storage.fields.rare?.fields.discriminator }
        _modify {
            let rare = uniqueRare()
            yield &rare.fields.discriminator
        }
    }

    public var limits: SchemaLimits {
        get { storage.fields.rare?.fields.limits ?? SchemaLimits() }
        _modify {
            let rare = uniqueRare()
            yield &rare.fields.limits
        }
    }
    public var contentMediaType: String? {
        get { storage.fields.rare?.fields.contentMediaType }
        _modify {
            let rare = uniqueRare()
            yield &rare.fields.contentMediaType
        }
    }
    public var contentEncoding: String? {
        get { storage.fields.rare?.fields.contentEncoding }
        _modify {
            let rare = uniqueRare()
            yield &rare.fields.contentEncoding
        }
    }
    public var extensions: Extensions {
        get { storage.fields.extensions }
        _modify {
            makeUnique()
            yield &storage.fields.extensions
        }
    }

    public init(at location: SourceLocation) {
        storage = Storage(Fields(location: location))
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
public struct SchemaLimits: Sendable, Equatable {
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
