import Foundation
import KilnCLI
import Testing

/// Five operations filtered from Twilio's 1.5 MB api_v2010 generate a small client, not the 27,000 lines
/// of the whole spec. Tests/Benchmarks/filtered-compile.sh times compiling it.
@Suite(.enabled(if: TestPaths.corpusAvailable || TestPaths.isCI, "../shared/corpus is absent; set KILN_CORPUS"))
struct FilteredCorpusTests {
    static let operations = ["CreateMessage", "FetchMessage", "ListMessage", "CreateCall", "FetchAccount"]

    @Test func fiveTwilioOperationsGenerateASmallClient() throws {
        let spec = TestPaths.corpus.appendingPathComponent("twilio/twilio_api_v2010.yaml").path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-filtered-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let errors = CapturedOutput()
        let arguments = ["generate", spec, "-o", output.path, "--quiet"] + Self.operations.flatMap { ["--filter-operation", $0] }
        #expect(Kiln.run(arguments, output: CapturedOutput(), errors: errors) == 0, "\(errors.text)")
        var files: [String: [Substring]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: output.path) {
            let text = try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
            files[name] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let lines = files.values.flatMap { $0 }
        let declarations = lines.filter { line in
            ["public struct ", "public enum ", "public typealias "].contains { line.hasPrefix($0) }
        }
        // Each operation builds its request in one place.
        let methods = lines.filter { $0.contains("HTTPRequest(method:") }
        // The five operations' models (message, call, account, their status enums, list pages), not the ~300 of the spec.
        #expect(declarations.count >= 8 && declarations.count <= 30, "\(declarations.joined(separator: "\n"))")
        #expect(methods.count == 5, "\(methods.joined(separator: "\n"))")
        #expect(lines.count < 2_500, "\(lines.count) lines")
    }

    /// The README's kiln.json example names only what the spec has: every entry is checked, so a stale
    /// name there fails here.
    @Test func theReadmesConfigExampleIsValid() throws {
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Specs you don't own"))
        let open = try #require(readme.range(of: "```json\n", range: section.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        let spec = TestPaths.corpus.appendingPathComponent("twilio/twilio_api_v2010.yaml").path
        let config = String(readme[open.upperBound..<close.lowerBound])
            .replacing("../../vendor/twilio_api_v2010.yaml", with: spec)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(config.utf8).write(to: folder.appendingPathComponent("kiln.json"))
        let errors = CapturedOutput()
        let arguments = ["generate", "--config", folder.appendingPathComponent("kiln.json").path, "-o", folder.appendingPathComponent("out").path]
        #expect(Kiln.run(arguments, output: CapturedOutput(), errors: errors) == 0, "\(errors.text)")
        let out = folder.appendingPathComponent("out")
        let code = try FileManager.default.contentsOfDirectory(atPath: out.path).map {
            try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8)
        }.joined()
        #expect(code.contains("public struct Message: Codable") && code.contains("segmentCount"))
        #expect(code.contains("-> CallRecord {") && !code.contains("struct ApiV2010AccountCall"))
        #expect(code.contains("func send(") && code.contains("sentBefore: Date?"))
    }
}
