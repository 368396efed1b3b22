import KilnDiagnostics
import KilnOpenAPI
import KilnText
import KilnYAML

/// The kiln.json keys for specs the user does not own: `filter`, `nameOverrides`, `typeOverrides`,
/// `additionalImports`. Only their shape is checked here; whether they name something in the spec is
/// checked against the loaded spec (`SpecCustomization.apply`), at the same locations.
extension KilnConfigFile {
    static let customizationKeys = ["filter", "nameOverrides", "typeOverrides", "additionalImports"]
    static let filterKeys = ["tags", "operationIds", "paths", "schemas"]

    mutating func setCustomization(_ key: String, _ value: YAMLNode, diagnostics: DiagnosticCollector) {
        switch key {
        case "filter":
            guard let pairs = Self.object(value, key, diagnostics) else { return }
            for pair in pairs {
                let name = pair.key.scalar?.text ?? ""
                guard Self.filterKeys.contains(name) else {
                    diagnostics.error(
                        "unknown filter key '\(name)'" + NearestNames.hint(for: name, among: Self.filterKeys)
                            + "; the keys are " + Self.filterKeys.joined(separator: ", "),
                        at: pair.key.location)
                    continue
                }
                let entries = Self.strings(pair.value, "filter.\(name)", diagnostics)
                switch name {
                case "tags": customization.filter.tags += entries
                case "operationIds": customization.filter.operationIds += entries
                case "paths": customization.filter.paths += entries
                default: customization.filter.schemas += entries
                }
            }
        case "nameOverrides":
            for (pointer, name) in Self.stringPairs(value, key, diagnostics) {
                customization.nameOverrides.append(NameOverride(pointer: pointer, name: name))
            }
        case "typeOverrides":
            for (schema, type) in Self.stringPairs(value, key, diagnostics) {
                customization.typeOverrides.append(TypeOverride(schema: schema, type: type))
            }
        default:
            for module in Self.strings(value, key, diagnostics) {
                if TypeOverride.isTypeName(module.text) && !module.text.contains(".") {
                    additionalImports.append(module.text)
                } else {
                    diagnostics.error("'\(module.text)' is not a module name", at: module.location)
                }
            }
        }
    }

    private static func object(_ node: YAMLNode, _ key: String, _ diagnostics: DiagnosticCollector) -> [YAMLPair]? {
        guard let pairs = node.mapping else {
            diagnostics.error("'\(key)' must be a JSON object, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return pairs
    }

    /// A list of non-empty strings, each with its location.
    private static func strings(_ node: YAMLNode, _ key: String, _ diagnostics: DiagnosticCollector) -> [LocatedText] {
        guard let items = node.sequence else {
            diagnostics.error("'\(key)' must be a list of strings, found \(node.kindDescription)", at: node.location)
            return []
        }
        return items.compactMap { text($0, key, diagnostics) }
    }

    /// An object whose keys and values are non-empty strings.
    private static func stringPairs(
        _ node: YAMLNode, _ key: String, _ diagnostics: DiagnosticCollector
    ) -> [(LocatedText, LocatedText)] {
        (object(node, key, diagnostics) ?? []).compactMap { pair in
            guard let name = text(pair.key, key, diagnostics), let value = text(pair.value, key, diagnostics) else { return nil }
            return (name, value)
        }
    }

    private static func text(_ node: YAMLNode, _ key: String, _ diagnostics: DiagnosticCollector) -> LocatedText? {
        guard case .string(let value)? = node.scalar?.resolved, !value.isEmpty else {
            diagnostics.error("'\(key)' entries must be non-empty strings, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return LocatedText(value, at: node.location)
    }
}
