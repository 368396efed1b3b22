import KilnDiagnostics
import KilnYAML

/// Parses JSON Schema objects (OpenAPI 3.0's subset and 3.1's full 2020-12 vocabulary).
enum SchemaParser {
    /// JSON Schema keywords Kiln accepts without using; anything else unknown gets a warning.
    private static let toleratedKeywords: [String] = [
        "$schema", "$id", "$anchor", "$dynamicAnchor", "$dynamicRef", "$comment", "$defs", "definitions",
        "xml", "externalDocs", "patternProperties", "propertyNames", "unevaluatedProperties",
        "unevaluatedItems", "contains", "minContains", "maxContains", "if", "then", "else",
        "dependentRequired", "dependentSchemas", "dependencies", "contentSchema", "$vocabulary",
    ]

    /// Type names from programming languages that hand-written specs use by mistake.
    private static let typeAliases: [String: Schema.JSONType] = [
        "int": .integer, "int32": .integer, "int64": .integer, "long": .integer,
        "float": .number, "double": .number, "decimal": .number,
        "bool": .boolean, "str": .string, "text": .string, "date": .string, "datetime": .string, "uuid": .string,
        "dict": .object, "map": .object, "list": .array,
    ]

    static func parse(_ node: YAMLNode, _ context: ParseContext) -> Schema? {
        var schema = Schema(at: node.location)
        if case .bool(let flag)? = node.scalar?.resolved {
            schema.booleanSchema = flag
            return schema
        }
        guard let object = context.object(node, "a schema", keepingRef: true) else { return nil }
        if let ref = object.value("$ref") {
            schema.ref = context.string(ref, "'$ref'").map { Reference($0, at: ref.location) }
        }
        schema.format = object.string("format")
        parseType(object, into: &schema)
        schema.title = object.string("title")
        schema.description = object.string("description")
        schema.defaultValue = object.value("default")
        if let example = object.value("example") { schema.examples.append(example) }
        if let examples = object.value("examples") {
            // 3.1 schema examples are a list; tolerate a single value as authors sometimes write.
            schema.examples += examples.sequence ?? [examples]
        }
        if let values = object.list("enum") {
            schema.enumValues = distinctValues(values, object.context)
        }
        if let constant = object.value("const") { schema.constValue = constant }
        schema.deprecated = object.bool("deprecated") ?? false
        schema.readOnly = object.bool("readOnly") ?? false
        schema.writeOnly = object.bool("writeOnly") ?? false
        if let properties = object.value("properties") {
            schema.properties = context.map(properties, "properties") { _, node in parse(node, context) }
        }
        schema.required = requiredList(object)
        if let additional = object.value("additionalProperties") {
            if case .bool(let flag)? = additional.scalar?.resolved {
                schema.additionalProperties = .allowed(flag)
            } else if let nested = parse(additional, context) {
                schema.additionalProperties = .schema(nested)
            }
        }
        if let items = object.value("items") {
            if let tuple = items.sequence {
                // Draft 4-7 tuple form; 3.1 calls it prefixItems.
                schema.prefixItems = tuple.compactMap { parse($0, context) }
            } else {
                schema.items = parse(items, context)
            }
        }
        if let prefix = object.list("prefixItems"), !prefix.isEmpty {
            schema.prefixItems = prefix.compactMap { parse($0, context) }
        }
        schema.allOf = object.list("allOf")?.compactMap { parse($0, context) } ?? []
        schema.oneOf = object.list("oneOf")?.compactMap { parse($0, context) } ?? []
        schema.anyOf = object.list("anyOf")?.compactMap { parse($0, context) } ?? []
        // The rare fields are assigned only when written: assigning makes their box (see Schema).
        if let not = object.value("not").flatMap({ parse($0, context) }) { schema.not = not }
        if let discriminator = object.value("discriminator").flatMap({ discriminator($0, context) }) {
            schema.discriminator = discriminator
        }
        let limits = limits(object)
        if limits != SchemaLimits() { schema.limits = limits }
        if let mediaType = object.string("contentMediaType") { schema.contentMediaType = mediaType }
        if let encoding = object.string("contentEncoding") { schema.contentEncoding = encoding }
        for keyword in toleratedKeywords { object.ignore(keyword) }
        schema.extensions = object.finish()
        constVariantsAsEnum(&schema)
        return schema
    }

    /// A value listed twice would be two Swift cases matching one value; the first is kept.
    private static func distinctValues(_ values: [YAMLNode], _ context: ParseContext) -> [YAMLNode] {
        var seen = Set<YAMLScalar.Value>()
        return values.filter { value in
            guard let scalar = value.scalar?.resolved else { return true }
            if seen.insert(scalar).inserted { return true }
            context.warning("\(value.kindDescription) is listed twice in 'enum'; Kiln keeps the first", at: value.location)
            return false
        }
    }

    /// `oneOf: [{const: a}, {const: b}]` is 3.1's way to write an enum with a description per value:
    /// read it as `enum: [a, b]`, so it becomes a Swift enum (and a usable parameter type).
    private static func constVariantsAsEnum(_ schema: inout Schema) {
        guard schema.enumValues == nil, schema.properties.isEmpty, schema.ref == nil else { return }
        let variants = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        guard variants.count >= 2 else { return }
        var values: [YAMLNode] = []
        var types: [Schema.JSONType] = []
        for variant in variants {
            guard let value = variant.constValue ?? (variant.enumValues?.count == 1 ? variant.enumValues?.first : nil),
                value.scalar != nil, value.scalar?.resolved != .null, variant.ref == nil, variant.properties.isEmpty,
                variant.oneOf.isEmpty, variant.anyOf.isEmpty, variant.allOf.isEmpty
            else { return }
            values.append(value)
            types += variant.types.filter { !types.contains($0) }
        }
        schema.enumValues = values
        if schema.types.isEmpty { schema.types = types }
        schema.oneOf = []
        schema.anyOf = []
    }

    /// `required: true` inside a schema is a Swagger 2 / draft 3 leftover: ignored with a warning, as a
    /// client can still be generated. Repeated names are kept once.
    private static func requiredList(_ object: ObjectReader) -> [String] {
        guard let node = object.value("required") else { return [] }
        if case .bool = node.scalar?.resolved {
            object.context.warning(
                "ignoring 'required: \(node.scalar?.text ?? "")' in a schema; list required properties in the "
                    + "'required' of the object that holds them",
                at: node.location)
            return []
        }
        guard let names = object.context.stringList(node, "'required'") else { return [] }
        var seen = Set<String>()
        for (name, item) in zip(names, node.sequence ?? []) where !seen.insert(name).inserted {
            object.context.warning("'\(name)' is listed twice in 'required'", at: item.location)
        }
        return names.filter { seen.remove($0) != nil }
    }

    private static func parseType(_ object: ObjectReader, into schema: inout Schema) {
        let context = object.context
        if let nullable = object.bool("nullable") {
            schema.isNullable = nullable
        }
        guard let node = object.value("type") else { return }
        let names: [YAMLNode]
        if let list = node.sequence {
            names = list
        } else {
            names = [node]
        }
        for name in names {
            guard let text = name.scalar?.text else {
                context.error("expected a type name for 'type', found \(name.kindDescription)", at: name.location)
                continue
            }
            guard let type = Schema.JSONType(rawValue: text) else {
                if text == "file" {
                    // Swagger 2's file type, left behind by conversions: 3.x writes it as binary.
                    context.warning(
                        "'type: file' is Swagger 2.0; Kiln reads it as 'type: string, format: binary'", at: name.location)
                    schema.types.append(.string)
                    schema.format = schema.format ?? "binary"
                    continue
                }
                let meant = typeAliases[text.lowercased()]
                context.warning(
                    "unknown type '\(text)'; expected string, number, integer, boolean, array, object or null; "
                        + (meant.map { "Kiln reads it as '\($0.rawValue)'" } ?? "Kiln does not constrain the type"),
                    at: name.location)
                if let meant, !schema.types.contains(meant) { schema.types.append(meant) }
                continue
            }
            if type == .null {
                schema.isNullable = true
            } else if !schema.types.contains(type) {
                schema.types.append(type)
            }
        }
    }

    private static func discriminator(_ node: YAMLNode, _ context: ParseContext) -> Schema.Discriminator? {
        guard let object = context.object(node, "a discriminator") else { return nil }
        let propertyName = object.requiredString("propertyName")
        var mapping = OrderedMap<String>()
        var locations: [String: SourceLocation] = [:]
        if let map = object.value("mapping") {
            mapping = context.mapPairs(map, "a discriminator mapping") { key, pair in
                locations[key] = pair.value.location
                return context.string(pair.value, "a discriminator mapping value")
            }
        }
        _ = object.finish()
        return propertyName.map {
            Schema.Discriminator(
                propertyName: $0, mapping: mapping, location: node.location, mappingLocations: locations)
        }
    }

    private static func limits(_ object: ObjectReader) -> SchemaLimits {
        var limits = SchemaLimits()
        limits.minimum = object.number("minimum")
        limits.maximum = object.number("maximum")
        limits.exclusiveMinimum = exclusiveBound("exclusiveMinimum", bound: limits.minimum, object)
        limits.exclusiveMaximum = exclusiveBound("exclusiveMaximum", bound: limits.maximum, object)
        limits.multipleOf = object.number("multipleOf")
        limits.minLength = object.nonNegativeInteger("minLength")
        limits.maxLength = object.nonNegativeInteger("maxLength")
        limits.pattern = object.string("pattern")
        if let pattern = limits.pattern, let failure = ECMAPatternSyntax.failure(in: pattern),
            let node = object.value("pattern")
        {
            let problem =
                switch failure.kind {
                case .syntax: "is not an ECMA-262 regular expression"
                case .nestingLimit: "was not checked"
                }
            object.context.warning(
                "'\(pattern)' \(problem): \(failure.reason) (at character \(failure.offset + 1)); "
                    + "Kiln checks no values against patterns, so the code is the same",
                at: node.location)
        }
        limits.minItems = object.nonNegativeInteger("minItems")
        limits.maxItems = object.nonNegativeInteger("maxItems")
        limits.uniqueItems = object.bool("uniqueItems") ?? false
        limits.minProperties = object.nonNegativeInteger("minProperties")
        limits.maxProperties = object.nonNegativeInteger("maxProperties")
        return limits
    }

    /// 3.0 writes `exclusiveMinimum: true` beside `minimum`; 3.1 writes the bound itself.
    private static func exclusiveBound(_ key: String, bound: Double?, _ object: ObjectReader) -> Double? {
        guard let node = object.value(key) else { return nil }
        switch node.scalar?.resolved {
        case .bool(let flag)?: return flag ? bound : nil
        case .integer(let value)?: return Double(value)
        case .float(let value)?: return value
        default:
            object.context.error(
                "expected a number or a boolean for '\(key)', found \(node.kindDescription)", at: node.location)
            return nil
        }
    }
}
