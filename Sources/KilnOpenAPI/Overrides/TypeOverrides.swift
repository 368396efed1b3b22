import KilnDiagnostics
import KilnText

/// `typeOverrides` in kiln.json: a component schema (`#/components/schemas/Id` or `Id`) -> an existing
/// Swift type (`Foundation.UUID`, or one the target defines). The generator declares nothing for the
/// schema and uses the type wherever the schema is referenced.
public struct TypeOverride: Sendable {
    public var schema: LocatedText
    public var type: LocatedText

    public init(schema: LocatedText, type: LocatedText) {
        self.schema = schema
        self.type = type
    }

    /// Dot-separated identifiers (`Foundation.UUID`, `MyTypes.Money`).
    public static func isTypeName(_ text: String) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
            return part.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }
        }
    }
}

enum TypeOverrides {
    /// Component schema name -> Swift type, with the canonical pointer of each valid override.
    static func resolve(
        _ overrides: [TypeOverride], in document: OpenAPIDocument, diagnostics: DiagnosticCollector
    ) -> [(name: String, type: String, canonical: String, entry: LocatedText)] {
        var result: [(String, String, String, LocatedText)] = []
        for override in overrides {
            let name: String
            if override.schema.text.hasPrefix("#") {
                guard let pointer = OverridePointer(override.schema, diagnostics: diagnostics) else { continue }
                guard pointer.segments.count == 3, pointer.segments[0] == "components", pointer.segments[1] == "schemas" else {
                    diagnostics.error(
                        "'\(override.schema.text)': only component schemas ('#/components/schemas/Name') can become another type",
                        at: override.schema.location)
                    continue
                }
                name = pointer.segments[2]
            } else {
                name = override.schema.text
            }
            guard document.components.schemas[name] != nil else {
                diagnostics.error(
                    "no schema '\(name)' in components.schemas" + NearestNames.hint(for: name, among: document.components.schemas.keys),
                    at: override.schema.location)
                continue
            }
            guard TypeOverride.isTypeName(override.type.text) else {
                diagnostics.error(
                    "'\(override.type.text)' is not a Swift type name; write a name such as 'UUID' or 'Foundation.UUID'",
                    at: override.type.location)
                continue
            }
            result.append((name, override.type.text, "#/components/schemas/" + JSONPointer.escape(name), override.schema))
        }
        return result
    }
}
