import KilnDiagnostics
import KilnYAML

/// A schema marked `x-kiln-assumption` is a guess at a shape the source does not show. Requiring a
/// field of such a guess turns a wrong guess into a decode failure against the real server, so a
/// `required` property must at least appear in one of the document's examples (Specs/README.md).
struct AssumedRequiredProperties {
    let document: OpenAPIDocument
    let diagnostics: DiagnosticCollector

    func run() {
        var assumed: [Schema] = []
        document.forEachSchema { schema in
            if !schema.required.isEmpty, schema.extensions["x-kiln-assumption"] != nil { assumed.append(schema) }
        }
        // Collecting every example's keys is most of this check's cost, and vendor specs mark no assumptions.
        guard !assumed.isEmpty else { return }
        var shown = Set<String>()
        document.forEachExample { collectKeys($0, into: &shown) }
        for schema in assumed {
            for name in schema.required where !shown.contains(name) {
                diagnostics.warning(
                    "'\(name)' is required in a schema marked x-kiln-assumption, but no example shows it; "
                        + "make it optional, or add an example with it if the source states it is required",
                    at: schema.properties[name]?.location ?? schema.location)
            }
        }
    }

    /// Every mapping key at any depth: a property counts as shown wherever an example has it.
    private func collectKeys(_ node: YAMLNode, into keys: inout Set<String>) {
        switch node.content {
        case .mapping(let pairs):
            for pair in pairs {
                if let key = pair.key.scalar?.text { keys.insert(key) }
                collectKeys(pair.value, into: &keys)
            }
        case .sequence(let items):
            for item in items { collectKeys(item, into: &keys) }
        case .scalar:
            break
        }
    }
}
