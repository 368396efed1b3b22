import KilnDiagnostics

/// Follows the schema part of a pointer (`properties/id`, `items`, `allOf/0`, ...) inside a schema and
/// changes the schema it ends at. Only schemas written there are reached: a pointer does not pass
/// through a `$ref` (the referenced component has its own pointer).
enum SchemaPointerEdit {
    static let keywords = ["properties", "items", "additionalProperties", "allOf", "oneOf", "anyOf", "prefixItems", "not"]

    /// false (with an error) when the pointer leads nowhere from segment `index` on.
    static func edit(
        _ schema: inout Schema, _ pointer: OverridePointer, from index: Int, diagnostics: DiagnosticCollector,
        _ change: (inout Schema) -> Void
    ) -> Bool {
        let segments = pointer.segments
        guard index < segments.count else {
            change(&schema)
            return true
        }
        func next(_ child: inout Schema, _ after: Int) -> Bool {
            edit(&child, pointer, from: after, diagnostics: diagnostics, change)
        }
        func element(_ list: inout [Schema]) -> Bool {
            guard index + 1 < segments.count, let position = Int(segments[index + 1]), list.indices.contains(position) else {
                pointer.missing(at: index + 1, among: list.indices.map(String.init), diagnostics: diagnostics)
                return false
            }
            return next(&list[position], index + 2)
        }
        switch segments[index] {
        case "properties":
            guard index + 1 < segments.count, var property = schema.properties[segments[index + 1]] else {
                pointer.missing(at: index + 1, among: schema.properties.keys, diagnostics: diagnostics)
                return false
            }
            defer { schema.properties[segments[index + 1]] = property }
            return next(&property, index + 2)
        case "items" where schema.items != nil:
            var items = schema.items!
            defer { schema.items = items }
            return next(&items, index + 1)
        case "not" where schema.not != nil:
            var not = schema.not!
            defer { schema.not = not }
            return next(&not, index + 1)
        case "additionalProperties":
            guard case .schema(var values)? = schema.additionalProperties else { break }
            defer { schema.additionalProperties = .schema(values) }
            return next(&values, index + 1)
        case "allOf": return element(&schema.allOf)
        case "oneOf": return element(&schema.oneOf)
        case "anyOf": return element(&schema.anyOf)
        case "prefixItems": return element(&schema.prefixItems)
        default: break
        }
        pointer.missing(at: index, among: keywords, diagnostics: diagnostics)
        return false
    }
}
