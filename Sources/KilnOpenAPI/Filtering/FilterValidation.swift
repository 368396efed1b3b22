import KilnDiagnostics
import KilnText

extension DocumentFilter {
    /// Reports, at its own line, every entry that matches nothing in `document`, with the nearest names
    /// that exist: a typo would otherwise generate a client without the operations the user asked for.
    public func validate(against document: OpenAPIDocument, diagnostics: DiagnosticCollector) {
        let catalog = OperationCatalog(document: document)
        for entry in tags where catalog.operationCount(tag: entry.text) == 0 {
            diagnostics.error(
                "no operation has tag '\(entry.text)'" + NearestNames.hint(for: entry.text, among: catalog.tags.map(\.name)),
                at: entry.location)
        }
        let operationIds = Set(catalog.operations.compactMap(\.operationId))
        for entry in self.operationIds where !operationIds.contains(entry.text) {
            diagnostics.error(
                "no operation has operationId '\(entry.text)'" + NearestNames.hint(for: entry.text, among: operationIds),
                at: entry.location)
        }
        let paths = document.paths.keys
        for entry in self.paths where !paths.contains(where: { Self.pattern(entry.text, matches: $0) }) {
            let written = entry.text.hasSuffix(Self.prefixSuffix) ? String(entry.text.dropLast(Self.prefixSuffix.count)) : entry.text
            let hint = NearestNames.hint(for: written, among: paths)
            let what = written == entry.text ? "no path '\(entry.text)'" : "no path starts with '\(written)'"
            diagnostics.error(
                what + (hint.isEmpty && !entry.text.hasPrefix("/") ? "; paths start with '/'" : hint), at: entry.location)
        }
        for entry in schemas {
            let name = Self.schemaName(entry.text)
            guard document.components.schemas[name] == nil else { continue }
            diagnostics.error(
                "no schema '\(name)' in components.schemas" + NearestNames.hint(for: name, among: document.components.schemas.keys),
                at: entry.location)
        }
        for list in [tags, self.operationIds, self.paths, schemas] {
            var seen: [String: SourceLocation] = [:]
            for entry in list {
                if let first = seen[entry.text] {
                    diagnostics.warning("'\(entry.text)' is already listed at line \(first.line)", at: entry.location)
                } else {
                    seen[entry.text] = entry.location
                }
            }
        }
    }
}
