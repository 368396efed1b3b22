import KilnDiagnostics
import KilnYAML

/// The front end of the pipeline: read YAML, build the OpenAPI model, resolve refs, validate.
/// Every problem of every stage lands in one collector, so one run shows all of them.
public enum SpecLoader {
    public struct Result: Sendable {
        /// The resolved document, present whenever the file was an OpenAPI document at all,
        /// even with errors (so `lint` can report everything).
        public var document: OpenAPIDocument?
        public var diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public static func load(file path: String, limits: YAMLLimits = YAMLLimits()) -> Result {
        let diagnostics = DiagnosticCollector()
        let document = load(file: path, limits: limits, diagnostics: diagnostics)
        return Result(document: document, diagnostics: diagnostics.sorted)
    }

    public static func load(
        file path: String, limits: YAMLLimits = YAMLLimits(), diagnostics: DiagnosticCollector
    ) -> OpenAPIDocument? {
        guard let root = YAMLLoader.load(file: path, limits: limits, diagnostics: diagnostics) else { return nil }
        return process(root, file: path, diagnostics: diagnostics)
    }

    /// Parses an in-memory spec; `file` names it in diagnostics and anchors relative `$ref`s.
    public static func load(text: String, file: String, diagnostics: DiagnosticCollector) -> OpenAPIDocument? {
        guard let root = YAMLLoader.parse(Array(text.utf8), file: file, diagnostics: diagnostics) else { return nil }
        return process(root, file: file, diagnostics: diagnostics)
    }

    private static func process(_ root: YAMLNode, file: String, diagnostics: DiagnosticCollector) -> OpenAPIDocument? {
        let references = NodeReferences(mainFile: file, root: root, diagnostics: diagnostics)
        guard let parsed = DocumentParser.parse(root, file: file, references: references, diagnostics: diagnostics)
        else { return nil }
        let resolved = ReferenceResolver(document: parsed, references: references, diagnostics: diagnostics).resolve()
        Validator(document: resolved, diagnostics: diagnostics).run()
        SchemaValueValidator(document: resolved, diagnostics: diagnostics).run()
        KilnExtensionValidator(document: resolved, diagnostics: diagnostics).run()
        AssumedRequiredProperties(document: resolved, diagnostics: diagnostics).run()
        return resolved
    }
}
