import KilnDiagnostics
import KilnGenerator
import KilnOpenAPI
import Testing

/// Parameter types that once generated Swift that did not compile (issue 11); the compile proof builds
/// Tests/Compile/Fixtures/parameter-types.yaml, these check what the generator chose and what it said.
@Suite struct ParameterTypeSnippetTests {
    private func generate(_ yaml: String) throws -> (code: String, warnings: [String]) {
        let diagnostics = DiagnosticCollector()
        let document = try #require(SpecLoader.load(text: yaml, file: "snippet.yaml", diagnostics: diagnostics))
        #expect(!diagnostics.hasErrors, "\(diagnostics.diagnostics)")
        let generation = DiagnosticCollector()
        let code = Generator.generate(document, configuration: GeneratorConfiguration(), diagnostics: generation)
            .map(\.contents).joined(separator: "\n")
        return (code, (diagnostics.sorted + generation.sorted).filter { $0.severity == .warning }.map(\.description))
    }

    private func spec(parameter schema: String, components: String = "") -> String {
        """
        openapi: 3.1.0
        info: {title: Snippet API, version: "1"}
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - name: filter
                  in: query
                  schema: \(schema)
              responses:
                '204': {description: none}
        components:
          schemas:
            Kind:
              oneOf:
                - {const: small, description: Small ones}
                - {const: large}
            Id: {type: string}
            MaybeName: {type: [string, 'null']}
        \(components)
        """
    }

    @Test func oneOfConstsAreAnEnumSentAsItsValue() throws {
        let result = try generate(spec(parameter: "{$ref: '#/components/schemas/Kind'}"))
        #expect(result.code.contains("public enum Kind: OpenEnum {"))
        #expect(result.code.contains("request.addQuery(\"filter\", filter)"))
        #expect(result.warnings.isEmpty)
    }

    @Test func anAliasOfAnOptionalAndArraysOfOptionalsAreUnwrapped() throws {
        let alias = try generate(spec(parameter: "{$ref: '#/components/schemas/MaybeName'}"))
        #expect(alias.code.contains("filter: String? = nil"))
        let array = try generate(spec(parameter: "{type: array, items: {anyOf: [{$ref: '#/components/schemas/Id'}, {type: 'null'}]}}"))
        #expect(array.code.contains("filter: [Id]? = nil"))
        #expect(array.code.contains("request.addQuery(\"filter\", filter)"))
    }

    @Test func aTypeNoStyleCanExpressIsSentAsJSONWithAWarning() throws {
        let result = try generate(spec(parameter: "{oneOf: [{type: string}, {type: array, items: {type: string}}]}"))
        #expect(result.code.contains("try request.addJSONParameter(\"filter\", filter, in: .query"))
        #expect(result.warnings == [
            "snippet.yaml:8:11: warning: parameter 'filter' has a type that no query parameter style can express "
                + "(ListItemsFilter); Kiln sends it as JSON text"
        ])
    }

    @Test func bytesAreSentAsBase64Text() throws {
        let result = try generate(spec(parameter: "{type: string, format: byte}"))
        #expect(result.code.contains("filter: Data? = nil"))
        #expect(result.code.contains("request.addQuery(\"filter\", filter)"))
    }
}
