import KilnDiagnostics
import KilnOpenAPI
import Testing

/// JSON specs go through the same loader as YAML ones; what JSON writes differently must still load.
@Suite struct JSONDocumentTests {
    @Test func escapedCharacterBeyondTheBMPLoads() throws {
        let collector = DiagnosticCollector()
        let text = #"{"openapi":"3.0.3","info":{"title":"\ud83d\ude00","version":"1"},"paths":{}}"#
        let document = SpecLoader.load(text: text, file: "emoji.json", diagnostics: collector)
        #expect(collector.diagnostics.isEmpty, "\(collector.diagnostics)")
        #expect(try #require(document).info.title == "😀")
    }
}
