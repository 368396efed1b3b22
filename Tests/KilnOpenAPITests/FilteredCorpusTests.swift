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
        let methods = files.filter { $0.key.hasPrefix("Operations") }.values.flatMap { $0 }
            .filter { $0.hasPrefix("    public func ") && !$0.contains("Raw(") }
        // The five operations' models (message, call, account, their status enums, list pages), not the ~300 of the spec.
        #expect(declarations.count >= 8 && declarations.count <= 30, "\(declarations.joined(separator: "\n"))")
        #expect(methods.count == 5, "\(methods.joined(separator: "\n"))")
        #expect(lines.count < 2_500, "\(lines.count) lines")
    }
}
