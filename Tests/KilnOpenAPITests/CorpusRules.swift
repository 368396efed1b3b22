import Foundation

/// What ../shared/corpus/README.md asks of each document, decided from its folder and its first lines.
/// Tests/Compile/compile-generated.sh's `corpus_rule` applies the same folders (CorpusRuleAgreementTests holds them equal).
enum CorpusRule: String, Sendable {
    /// Lints with no errors (and generates and compiles: Tests/Compile proves that part).
    case loadsCleanly = "loads"
    /// A Swagger 2.0 document among mermade's passing ones: exactly the one Swagger 2.0 error.
    case swagger2
    /// A file other files `$ref`, with no `openapi` field: not a document of its own.
    case fragment
    /// mermade/*/fail: at least one diagnostic at a line and column.
    case diagnoses = "fails"
    /// mermade's attacks: a located error or a clean load, never a crash, hang or runaway memory.
    case survives
    /// The README's one named exception: an error there is right, a clean load is fine too.
    case mayFail = "may-fail"

    static func of(_ relativePath: String, text: String) -> CorpusRule {
        let head = String(text.prefix(4_096))
        if relativePath.hasPrefix("mermade/") {
            if relativePath.contains("/malicious/") || relativePath.hasSuffix("/yamlbomb.yaml") { return .survives }
            if relativePath.contains("/fail/") { return .diagnoses }
            if relativePath == "mermade/3.0/pass/fiendish/ref-encoding3.yaml" { return .mayFail }
            if head.range(of: #"(^|\n|\{)\s*"?swagger"?\s*:"#, options: .regularExpression) != nil { return .swagger2 }
            if head.range(of: #"(^|\n|\{)\s*"?openapi"?\s*:"#, options: .regularExpression) == nil { return .fragment }
        }
        return .loadsCleanly
    }
}

/// Documents that do not yet meet their folder's rule, each with the reason. Printed on every run so CI's
/// log shows them; an entry whose document now meets its rule fails the suite until it is removed.
/// The file is shared with Tests/Compile/compile-generated.sh (rule `compiles`).
struct CorpusKnownGaps {
    struct Entry: Sendable {
        var rule: String
        var path: String
        var reason: String
    }

    static let file = TestPaths.packageRoot.appendingPathComponent("Tests/Corpus/known-gaps.tsv")

    let entries: [Entry]

    init() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        entries = text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard fields.count == 3 else { return nil }
            return Entry(rule: fields[0], path: fields[1], reason: fields[2])
        }
    }

    func gap(_ rule: CorpusRule, _ path: String) -> Entry? {
        entries.first { $0.rule == rule.rawValue && $0.path == path }
    }
}
