import KilnOpenAPI
import KilnYAML

/// A JSON value for contract tests: a spec example as written, or one made up from a schema when the
/// spec has none. Also knows how OpenAPI's styles spell it in a query, so tests can state what the
/// server must receive.
indirect enum SampleValue: Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([SampleValue])
    case object([(String, SampleValue)])

    static func == (lhs: SampleValue, rhs: SampleValue) -> Bool { lhs.json == rhs.json }

    init(_ node: YAMLNode) {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: self = .null
            case .bool(let flag): self = .bool(flag)
            case .integer(let value): self = .number(String(value))
            case .float(let value): self = .number(JSONText.number(value))
            case .string(let text): self = .string(text)
            }
        case .sequence(let items): self = .array(items.map(SampleValue.init))
        case .mapping(let pairs): self = .object(pairs.map { ($0.key.scalar?.text ?? "", SampleValue($0.value)) })
        }
    }

    var json: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): text
        case .string(let text): JSONText.string(text)
        case .array(let items): "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let fields): "{" + fields.map { JSONText.string($0.0) + ":" + $0.1.json }.joined(separator: ",") + "}"
        }
    }

    /// The value of an object's field; nil for other values and missing fields.
    func objectField(_ name: String) -> SampleValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == name }?.1
    }

    /// The value at a dot path of object fields (`data.kmd`); nil when a step is missing.
    func value(atPath path: String) -> SampleValue? {
        path.split(separator: ".").reduce(self) { value, key in value?.objectField(String(key)) }
    }

    /// The text of a scalar as a parameter carries it; nil for structures.
    var scalarText: String? {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): text
        case .string(let text): text
        case .array, .object: nil
        }
    }

    /// The path text a path parameter with this value becomes in `style` (simple, label, matrix), with
    /// values percent-encoded as the runtime's `PathEncoder` does; nil for values no style can express.
    func pathText(name: String, style: String, explode: Bool, encode: (String) -> String) -> String? {
        let parts: (items: [String], pairs: [(String, String)])
        switch self {
        case .array(let items):
            let texts = items.compactMap(\.scalarText)
            guard texts.count == items.count else { return nil }
            parts = (texts.map(encode), [])
        case .object(let fields):
            let present = fields.filter { $0.1 != .null }
            let texts = present.compactMap { field in field.1.scalarText.map { (encode(field.0), encode($0)) } }
            guard texts.count == present.count else { return nil }
            parts = ([], texts)
        default:
            guard let text = scalarText else { return nil }
            parts = ([encode(text)], [])
        }
        let isObject = { if case .object = self { true } else { false } }()
        let isArray = { if case .array = self { true } else { false } }()
        let joined = isObject ? parts.pairs.flatMap { [$0.0, $0.1] } : parts.items
        let exploded = parts.pairs.map { "\($0.0)=\($0.1)" }
        switch style {
        case "label":
            if explode && isArray { return "." + joined.joined(separator: ".") }
            if explode && isObject { return "." + exploded.joined(separator: ".") }
            return "." + joined.joined(separator: ",")
        case "matrix":
            let key = encode(name)
            if case .string("") = self { return ";" + key }
            if explode && isArray { return parts.items.map { ";\(key)=\($0)" }.joined() }
            if explode && isObject { return exploded.map { ";" + $0 }.joined() }
            return ";\(key)=" + joined.joined(separator: ",")
        default:
            return explode && isObject ? exploded.joined(separator: ",") : joined.joined(separator: ",")
        }
    }

    /// (name, value) pairs a query parameter with this value becomes, before percent-encoding;
    /// nil when the shape has no standard spelling (nested structures).
    func queryPairs(name: String, style: KilnOpenAPI.Parameter.Style, explode: Bool) -> [(String, String)]? {
        if let text = scalarText { return [(name, text)] }
        switch self {
        case .array(let items):
            let texts = items.compactMap(\.scalarText)
            guard texts.count == items.count else { return nil }
            if explode && style == .form { return texts.map { (name, $0) } }
            let delimiter = style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ","
            return [(name, texts.joined(separator: delimiter))]
        case .object(let fields):
            // In the order given: callers put the fields in the schema's declaration order, as the client sends them.
            let present = fields.filter { $0.1 != .null }
            let texts = present.compactMap { field in field.1.scalarText.map { (field.0, $0) } }
            guard texts.count == present.count else { return nil }
            switch style {
            case .deepObject: return texts.map { ("\(name)[\($0.0)]", $0.1) }
            case .form where explode: return texts
            case .form: return [(name, texts.flatMap { [$0.0, $0.1] }.joined(separator: ","))]
            default: return nil
            }
        default:
            return nil
        }
    }
}

/// Makes up a JSON value that satisfies a schema, preferring the spec's own examples and defaults.
struct SampleBuilder {
    let document: OpenAPIDocument
    let analysis: SchemaAnalysis

    func sample(for schema: Schema, depth: Int = 0) -> SampleValue {
        if let example = schema.examples.first { return SampleValue(example) }
        if let value = schema.defaultValue { return SampleValue(value) }
        if let value = schema.constValue { return SampleValue(value) }
        if let first = schema.enumValues?.first(where: { $0.scalar?.resolved != .null }) { return SampleValue(first) }
        if let name = schema.ref?.componentName, schema.isPureReference || schema.allOf.isEmpty && schema.properties.isEmpty {
            guard let target = document.components.schemas[name] else { return .null }
            // A recursive schema ends in its smallest value: `[]` fits a tree of arrays where null does not.
            guard depth < 6 else { return emptyValue(of: target) }
            return sample(for: target, depth: depth + 1)
        }
        if let wrapped = analysis.nullableWrapped(schema) { return sample(for: wrapped, depth: depth + 1) }
        let variants = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        if let first = variants.first(where: { !analysis.isNullOnly($0) }), schema.properties.isEmpty {
            var value = sample(for: first, depth: depth + 1)
            if let discriminator = schema.discriminator, case .object(var fields) = value,
                let component = first.ref?.componentName
            {
                let key = discriminator.mapping.first { Reference($0.value, at: discriminator.location).componentName == component }?.key
                fields.removeAll { $0.0 == discriminator.propertyName }
                fields.insert((discriminator.propertyName, .string(key ?? component)), at: 0)
                value = .object(fields)
            }
            return value
        }
        if analysis.isObjectWithProperties(schema) {
            guard depth < 6 else { return .object([]) }
            let merged = analysis.mergedObject(schema)
            let chosen = merged.properties.keys.filter { merged.required.contains($0) }
            let names = chosen.isEmpty ? Array(merged.properties.keys.prefix(2)) : chosen
            return .object(names.compactMap { name in
                guard let property = merged.properties[name], !property.readOnly || merged.required.contains(name) else { return nil }
                return (name, sample(for: property, depth: depth + 1))
            })
        }
        let type = schema.types.first ?? (schema.items != nil ? .array : schema.additionalProperties != nil ? .object : nil)
        switch type {
        case .string?: return .string(stringSample(schema.format))
        case .integer?: return .number(schema.limits.minimum.map { JSONText.number(max($0, 7)) } ?? "7")
        case .number?: return .number("1.5")
        case .boolean?: return .bool(true)
        case .array?: return .array(schema.items.map { [sample(for: $0, depth: depth + 1)] } ?? [])
        case .object?:
            if case .schema(let values)? = schema.additionalProperties { return .object([("key", sample(for: values, depth: depth + 1))]) }
            return .object([])
        case .null?: return .null
        case nil: return .string("sample")
        }
    }

    private func emptyValue(of schema: Schema) -> SampleValue {
        if schema.types == [.array] || schema.items != nil { return .array([]) }
        if schema.types == [.object] || schema.additionalProperties != nil { return .object([]) }
        return .null
    }

    private func stringSample(_ format: String?) -> String {
        switch format {
        case "date-time": "2024-01-02T03:04:05Z"
        case "date": "2024-01-02"
        case "uuid": "123e4567-e89b-12d3-a456-426614174000"
        case "email": "user@example.com"
        case "uri", "url": "https://example.com/x"
        case "byte", "binary": "c2FtcGxl"
        default: "sample"
        }
    }
}
