import Foundation
import Testing

/// Tests/Compile/compile-generated.sh decides in bash which corpus documents must compile; `CorpusRule.of`
/// decides in Swift what each must do when loaded. The two are written twice (the script runs without
/// Swift's test build), so this suite runs the script's own `corpus_rule` on every document and holds it
/// to the Swift rule: a folder added to one and not the other fails here instead of silently.
@Suite(.enabled(if: TestPaths.corpusAvailable || TestPaths.isCI, "../shared/corpus is absent; set KILN_CORPUS to run the corpus tests"))
struct CorpusRuleAgreementTests {
    /// What the compile proof must do with a document of each load rule.
    static func compileRule(_ rule: CorpusRule) -> String {
        switch rule {
        case .loadsCleanly: "must"
        case .swagger2, .fragment, .diagnoses: "skip"
        case .survives, .mayFail: "may"
        }
    }

    @Test func compileProofAppliesTheSameFoldersAsCorpusRule() throws {
        try #require(TestPaths.corpusAvailable, "no corpus at \(TestPaths.corpus.path)")
        let documents = TestPaths.documents(under: TestPaths.corpus)
        let scriptRules = try Self.scriptRules(for: documents)
        #expect(scriptRules.count == documents.count, "the script answered for \(scriptRules.count) of \(documents.count) documents")
        for path in documents {
            let text = String(decoding: try Data(contentsOf: TestPaths.corpus.appendingPathComponent(path)), as: UTF8.self)
            let expected = Self.compileRule(CorpusRule.of(path, text: text))
            #expect(scriptRules[path] == expected, "\(path): compile-generated.sh says \(scriptRules[path] ?? "nothing"), CorpusRule says \(expected)")
        }
    }

    /// Runs the script's `corpus_rule` function, cut out of the script, once over all `documents`.
    static func scriptRules(for documents: [String]) throws -> [String: String] {
        let script = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/Compile/compile-generated.sh"), encoding: .utf8)
        let start = try #require(script.range(of: "corpus_rule() {\n"), "compile-generated.sh defines no corpus_rule")
        let end = try #require(script.range(of: "\n}\n", range: start.upperBound..<script.endIndex))
        let function = String(script[start.lowerBound..<end.upperBound])
        let program = function + #"while IFS= read -r p; do printf '%s\t%s\n' "$p" "$(corpus_rule "$p")"; done"#

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", program]
        process.environment = ["corpus": TestPaths.corpus.path, "PATH": "/usr/bin:/bin"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data((documents.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "bash corpus_rule exited with \(process.terminationStatus)")

        var rules: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            if fields.count == 2 { rules[fields[0]] = fields[1] }
        }
        return rules
    }
}
