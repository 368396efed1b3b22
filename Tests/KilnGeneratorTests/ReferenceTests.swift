import Foundation
import KilnGenerator
import KilnOpenAPI
import Testing

/// Each folder in Fixtures holds a spec and, in Expected/, the Swift Kiln must generate from it: the client's
/// files and its mocks' `Mock.swift`.
/// `KILN_RECORD=1 swift test --filter ReferenceTests` rewrites Expected/ after a deliberate change;
/// review the diff before committing it. CI refuses it: a recording run rewrites every golden and passes.
@Suite struct ReferenceTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).sorted()
    static let recording = ProcessInfo.processInfo.environment["KILN_RECORD"] == "1"
    static let inCI = !["", "0", "false"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")

    @Test func recordingIsRefusedInCI() {
        #expect(!(Self.recording && Self.inCI), "KILN_RECORD=1 under CI would rewrite the goldens instead of checking them")
    }

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 2)
    }

    @Test(arguments: cases)
    func generatesExpectedSwift(_ name: String) throws {
        let folder = Self.fixtures.appendingPathComponent(name)
        let result = SpecLoader.load(file: folder.appendingPathComponent("spec.yaml").path)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let document = try #require(result.document)
        let files = generatedFiles(document, GeneratorConfiguration())
        let expectedFolder = folder.appendingPathComponent("Expected")
        if Self.recording && !Self.inCI {
            try? FileManager.default.removeItem(at: expectedFolder)
            _ = try OutputWriter.write(files, to: expectedFolder.path)
            try? FileManager.default.removeItem(at: expectedFolder.appendingPathComponent(".kiln-generated"))
            return
        }
        let expectedNames = try FileManager.default.contentsOfDirectory(atPath: expectedFolder.path).sorted()
        #expect(files.map(\.name).sorted() == expectedNames)
        for file in files {
            let expectedURL = expectedFolder.appendingPathComponent(file.name)
            let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            if let difference = TextDiff.firstDifference(expected: expected, actual: file.contents) {
                Issue.record("\(name)/\(file.name) differs from Expected:\n\(difference)")
            }
        }
    }

    @Test func generationIsDeterministic() throws {
        let spec = Self.fixtures.appendingPathComponent("operations/spec.yaml").path
        let document = try #require(SpecLoader.load(file: spec).document)
        let first = Generator.generate(document, configuration: GeneratorConfiguration())
        let second = Generator.generate(try #require(SpecLoader.load(file: spec).document), configuration: GeneratorConfiguration())
        #expect(first == second)
    }
}

/// A readable report of where two texts part ways: a few lines of context, then expected and actual.
enum TextDiff {
    static func firstDifference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let index = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        var report = ""
        for context in max(0, index - 3)..<index { report += "   \(context + 1)  \(expectedLines[context])\n" }
        for line in expectedLines[index..<min(index + 5, expectedLines.count)] { report += "-  \(line)\n" }
        for line in actualLines[index..<min(index + 5, actualLines.count)] { report += "+  \(line)\n" }
        return "first difference at line \(index + 1):\n" + report
    }
}
