import KilnDiagnostics

/// `filter` in kiln.json (or `--filter-*`): which operations to generate, plus component schemas to keep
/// although no kept operation uses them. An operation is kept when any entry matches it; with a filter,
/// only what it keeps is generated, together with every component the kept parts reach.
///
/// A path entry is a path template as the spec writes it (`/users/{id}`), or a prefix ending in `/**`:
/// `/users/**` keeps `/users` and every path below it.
public struct DocumentFilter: Sendable {
    public var tags: [LocatedText] = []
    public var operationIds: [LocatedText] = []
    public var paths: [LocatedText] = []
    /// Component schema names (`User`) or references (`#/components/schemas/User`).
    public var schemas: [LocatedText] = []

    public init() {}

    public var isEmpty: Bool { tags.isEmpty && operationIds.isEmpty && paths.isEmpty && schemas.isEmpty }

    static let prefixSuffix = "/**"

    /// `path` is nil for webhooks, which path entries do not match.
    func keeps(_ operation: Operation, at path: String?) -> Bool {
        operation.tags.contains { tag in tags.contains { $0.text == tag } }
            || operation.operationId.map { id in operationIds.contains { $0.text == id } } == true
            || path.map { path in paths.contains { Self.pattern($0.text, matches: path) } } == true
    }

    static func pattern(_ pattern: String, matches path: String) -> Bool {
        guard pattern.hasSuffix(prefixSuffix) else { return pattern == path }
        let base = String(pattern.dropLast(prefixSuffix.count))
        return path == base || path.hasPrefix(base + "/") || (base.isEmpty && path.hasPrefix("/"))
    }

    /// `User` for `User` and `#/components/schemas/User`.
    static func schemaName(_ entry: String) -> String {
        let prefix = "#/components/schemas/"
        return entry.hasPrefix(prefix) ? JSONPointer.unescape(String(entry.dropFirst(prefix.count))) : entry
    }
}
