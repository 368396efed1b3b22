import KilnDiagnostics
import KilnGenerator
import KilnOpenAPI
import Testing

/// Generates all files for a spec given as text, joined, for tests that look for the lines a feature must produce.
func generatedSwift(_ yaml: String, _ configuration: GeneratorConfiguration = GeneratorConfiguration()) throws -> String {
    let diagnostics = DiagnosticCollector()
    let document = try #require(SpecLoader.load(text: yaml, file: "snippet.yaml", diagnostics: diagnostics))
    #expect(!diagnostics.hasErrors, "\(diagnostics.diagnostics)")
    return generatedFiles(document, configuration).map(\.contents).joined(separator: "\n")
}

/// A mode's files; for the client, with its mocks (`--mode mocks` into the same module), so one text holds
/// everything a client spec produces.
func generatedFiles(_ document: OpenAPIDocument, _ configuration: GeneratorConfiguration) -> [Generator.GeneratedFile] {
    var files = Generator.generate(document, configuration: configuration)
    if configuration.mode == .client {
        var mocks = configuration
        mocks.mode = .mocks
        files += Generator.generate(document, configuration: mocks)
    }
    return files
}

/// A 3.1 document with only the given component schemas (indented by eight spaces).
func schemasSpec(_ schemas: String, extra: String = "") -> String {
    """
    openapi: 3.1.0
    info: {title: Snippet API, version: "1"}
    \(extra)paths: {}
    components:
      schemas:
    \(schemas)
    """
}
