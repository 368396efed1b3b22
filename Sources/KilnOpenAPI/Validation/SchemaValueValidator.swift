import KilnDiagnostics
import KilnYAML

/// Warns about `default` and `enum` values that the schema's own `type` rejects (`default: yes` on a
/// boolean is the string "yes" under YAML 1.2; `1.5` in an integer enum). The generator would emit a
/// default or a case no server value can match, so the author almost certainly meant something else.
struct SchemaValueValidator {
    let document: OpenAPIDocument
    let diagnostics: DiagnosticCollector

    func run() {
        document.forEachSchema(check)
    }

    private func check(_ schema: Schema) {
        // Without a type of its own (a $ref, a composition) any value may be right.
        guard !schema.types.isEmpty else { return }
        if let value = schema.defaultValue, !matches(value, schema) {
            report("'default'", value, schema)
        }
        for value in schema.enumValues ?? [] where !matches(value, schema) {
            report("an enum value", value, schema)
        }
    }

    private func report(_ what: String, _ value: YAMLNode, _ schema: Schema) {
        let expected =
            value.scalar?.resolved == .null
            ? "the schema is not nullable" : "the schema's type is " + schema.types.map(\.rawValue).joined(separator: " or ")
        diagnostics.warning("\(what) is \(value.kindDescription), but \(expected)", at: value.location)
    }

    private func matches(_ value: YAMLNode, _ schema: Schema) -> Bool {
        let types = schema.types
        switch value.content {
        case .mapping: return types.contains(.object)
        case .sequence: return types.contains(.array)
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return schema.isNullable
            case .bool: return types.contains(.boolean)
            case .string: return types.contains(.string)
            case .integer: return types.contains(.integer) || types.contains(.number)
            case .float(let number):
                // JSON Schema counts 2.0 as an integer.
                return types.contains(.number) || (types.contains(.integer) && number.isFinite && number == number.rounded())
            }
        }
    }
}
