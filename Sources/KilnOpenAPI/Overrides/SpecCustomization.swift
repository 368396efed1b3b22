import KilnDiagnostics

/// What kiln.json can change about a spec the user does not own: which operations to generate
/// (`filter`), Swift names (`nameOverrides`) and schemas that are existing Swift types (`typeOverrides`).
/// Every entry is checked against the spec and a wrong one is an error at its own line.
public struct SpecCustomization: Sendable {
    public var filter = DocumentFilter()
    public var nameOverrides: [NameOverride] = []
    public var typeOverrides: [TypeOverride] = []

    public init() {}

    public var isEmpty: Bool { filter.isEmpty && nameOverrides.isEmpty && typeOverrides.isEmpty }

    public struct Result: Sendable {
        /// The document to generate from: renamed, then filtered.
        public var document: OpenAPIDocument
        /// Component schema name -> the Swift type used for it.
        public var typeOverrides: [String: String]
    }

    /// Checks every entry against `document` (as the spec is written, before filtering) and applies them.
    public func apply(to document: OpenAPIDocument, diagnostics: DiagnosticCollector) -> Result {
        guard !isEmpty else { return Result(document: document, typeOverrides: [:]) }
        filter.validate(against: document, diagnostics: diagnostics)
        var renamed = document
        let names = NameOverrides.apply(nameOverrides, to: &renamed, diagnostics: diagnostics)
        let types = TypeOverrides.resolve(typeOverrides, in: document, diagnostics: diagnostics)
        reportOverlaps(names.map { ($0.canonical, $0.entry) } + types.map { ($0.canonical, $0.entry) }, diagnostics)
        let typeNames = Dictionary(types.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        return Result(
            document: filter.apply(to: renamed, opaqueSchemas: Set(typeNames.keys)), typeOverrides: typeNames)
    }

    /// Two overrides of one object (the same pointer spelt twice, a parameter by name and by index, a
    /// schema given both a name and a type) would leave one of them silently unused.
    private func reportOverlaps(_ entries: [(canonical: String, entry: LocatedText)], _ diagnostics: DiagnosticCollector) {
        var first: [String: LocatedText] = [:]
        for (canonical, entry) in entries {
            if let earlier = first[canonical] {
                diagnostics.error(
                    "'\(entry.text)' overlaps the override '\(earlier.text)' at \(earlier.location); "
                        + "each object can have one override", at: entry.location)
            } else {
                first[canonical] = entry
            }
        }
    }
}
