import Foundation
import KilnDiagnostics
import KilnOpenAPI
import Testing

/// Every corpus document meets its folder's rule (../shared/corpus/README.md; see `CorpusRule`).
/// In CI the corpus is mandatory: its absence fails the run instead of skipping the suite.
/// Serialized: loading is CPU-bound, and running all at once would starve other suites' loopback servers.
@Suite(
    .enabled(if: TestPaths.corpusAvailable || TestPaths.isCI, "../shared/corpus is absent; set KILN_CORPUS to run the corpus tests"),
    .serialized)
struct CorpusTests {
    static let documents = TestPaths.documents(under: TestPaths.corpus)

    @Test func corpusIsPresentWithEveryFolder() throws {
        try #require(TestPaths.corpusAvailable, "no corpus at \(TestPaths.corpus.path)")
        let counts = Dictionary(grouping: Self.documents) { $0.split(separator: "/").first.map(String.init) ?? "" }
            .mapValues(\.count)
        // The README's folders with their sizes at the time of writing: a lost folder fails here.
        #expect(counts["twilio", default: 0] >= 55)
        #expect(counts["readme", default: 0] >= 49)
        #expect(counts["mermade", default: 0] >= 190)
        #expect(counts["oai", default: 0] >= 8)
        #expect(counts["sog", default: 0] == 1)
    }

    @Test func knownGapsArePrintedAndNameRealDocuments() throws {
        let gaps = try CorpusKnownGaps()
        for entry in gaps.entries {
            print("known gap [\(entry.rule)] \(entry.path): \(entry.reason)")
            #expect(
                FileManager.default.fileExists(atPath: TestPaths.corpus.appendingPathComponent(entry.path).path),
                "known-gaps.tsv names \(entry.path), which the corpus does not have")
        }
    }

    @Test(arguments: documents)
    func meetsItsFolderRule(_ relativePath: String) throws {
        let url = TestPaths.corpus.appendingPathComponent(relativePath)
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let rule = CorpusRule.of(relativePath, text: text)
        let result = SpecLoader.load(file: url.path)
        let problem = Self.problem(rule, result)
        if let gap = try CorpusKnownGaps().gap(rule, relativePath) {
            #expect(problem != nil, "\(relativePath) now meets rule '\(rule.rawValue)': remove it from known-gaps.tsv (\(gap.reason))")
        } else {
            #expect(problem == nil, "\(relativePath) [\(rule.rawValue)]: \(problem ?? "")")
        }
    }

    /// Why `result` breaks `rule`, or nil when it meets it.
    static func problem(_ rule: CorpusRule, _ result: SpecLoader.Result) -> String? {
        let errors = result.diagnostics.filter { $0.severity == .error }
        switch rule {
        case .loadsCleanly:
            if !errors.isEmpty { return errors.map(\.description).joined(separator: "\n") }
            if result.document == nil { return "no document" }
        case .swagger2:
            if errors.count != 1 || errors.first?.message.contains("Swagger 2.0") != true {
                return "expected the one Swagger 2.0 error, got: \(errors.map(\.description))"
            }
        case .fragment, .mayFail, .survives:
            // Reaching here means no crash or hang; a diagnostic must still be located.
            if let unlocated = result.diagnostics.first(where: { $0.location.line < 1 }) {
                return "unlocated diagnostic: \(unlocated)"
            }
        case .diagnoses:
            if !result.diagnostics.contains(where: { $0.location.line >= 1 && $0.location.column >= 1 }) {
                return "an invalid document passed without a located diagnostic"
            }
        }
        return nil
    }

    @Test func twilioV2010HasItsOperations() throws {
        let path = TestPaths.corpus.appendingPathComponent("twilio/twilio_api_v2010.yaml").path
        let document = try #require(SpecLoader.load(file: path).document)
        let operations = document.paths.values.reduce(0) { $0 + $1.operations.count }
        #expect(operations > 150)
        #expect(document.components.schemas.count > 100)
    }
}
