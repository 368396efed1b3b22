import Foundation
import KilnOpenAPI
import Testing

/// Real-world documents nobody here wrote must load and lint without errors.
/// Serialized: loading them is CPU-bound, and running them all at once would starve the loopback
/// servers of other suites on a 2-core machine.
@Suite(
    .enabled(if: TestPaths.corpusAvailable, "../shared/corpus is absent; set KILN_CORPUS to run the corpus tests"),
    .serialized)
struct CorpusTests {
    static let documents = TestPaths.documents(under: TestPaths.corpus)

    @Test func corpusIsNotEmpty() {
        #expect(Self.documents.count >= 60)
    }

    @Test(arguments: documents)
    func loadsWithoutErrors(_ relativePath: String) throws {
        let result = SpecLoader.load(file: TestPaths.corpus.appendingPathComponent(relativePath).path)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        let document = try #require(result.document)
        #expect(!document.info.title.isEmpty)
    }

    @Test func twilioV2010HasItsOperations() throws {
        let path = TestPaths.corpus.appendingPathComponent("twilio/twilio_api_v2010.yaml").path
        let document = try #require(SpecLoader.load(file: path).document)
        let operations = document.paths.values.reduce(0) { $0 + $1.operations.count }
        #expect(operations > 150)
        #expect(document.components.schemas.count > 100)
    }
}
