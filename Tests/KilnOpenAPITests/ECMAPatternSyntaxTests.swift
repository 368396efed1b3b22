import KilnDiagnostics
@testable import KilnOpenAPI
import Testing

/// `pattern` is read as ECMA-262 (Annex B, no flags). The expectations are what node 20's `new RegExp(p)`
/// answers for each pattern, except the 2025 modifier groups, which node 20 does not know yet.
struct ECMAPatternSyntaxTests {
    static let valid = [
        "", "abc", "^[a-z]+$", "]", "}", "{", "a{", "a{1", "a{1,", "a{,5}", "a{1}", "a{1,2}?", "a*?", "(?=a)*",
        "(?!a)+", "(?<!a)", "(?<=a)b", "(?:a|b)", "(?i:a)", "(?-i:a)", "(?<name>a)\\k<name>", "\\k", "\\k<a>", "\\c",
        "\\cA", "\\c1", "[\\c1]", "[\\c]", "\\x4", "\\x41", "\\u12", "\\u0041", "\\p{L}", "\\1", "(a)\\1", "\\8",
        "[a-z]", "[a-]", "[-a]", "[a-\\d]", "[\\d-z]", "[\\u0041-\\u0042]", "[\\n-\\r]", "[\\b-\\n]", "[^]", "[]",
        "[\\]]", "[a\\-z]", "😀+", "[\\1-\\7]", "[\\cA-\\cB]", "a||b", "|", "()", "(?:)", "(?=)", "a{3}b{0,}",
        "^\\d{3}-\\d{4}$", "[\\w.-]+@[\\w.-]+", "(?<$x_1>a)", "x{2,10}", "[a-a]", ".*", "\\/", "\\-", "[\\s-a]",
        "(?=a){2}", "[\\x4-\\x3]", "\\ca"
    ]
    static let invalid = [
        "[", "{1}", "a{2,1}", "a{1}{2}", "*a", "a**", "a*??", "a+*", "^*", "$+", "\\b*", "\\B?", "(?<=a)*", "(", ")",
        "(a", "a)", "(?a)", "(?i)", "(?-:a)", "(?ii:a)", "(?<1a>x)", "(?<a>x)\\k", "(?<a>x)\\kb", "\\", "a\\",
        "[z-a]", "[\\x41-\\x40]", "[\\r-\\n]", "[\\]", "[😀-😁]", "[\\7-\\1]", "[\\377-\\400]", "[\\cB-\\cA]", "a|*",
        "x{99999999999999999999,1}", "x{10,2}", "x{010,2}", "a{1}?{2}", "(?<=a){2}", "[\\c_-\\c0]"
    ]

    @Test(arguments: valid) func acceptsWhatECMAAccepts(_ pattern: String) {
        #expect(ECMAPatternSyntax.failure(in: pattern) == nil)
    }

    @Test(arguments: invalid) func rejectsWhatECMARejects(_ pattern: String) {
        #expect(ECMAPatternSyntax.failure(in: pattern) != nil)
    }

    @Test func namesTheProblemAndWhereItStarts() {
        #expect(
            ECMAPatternSyntax.failure(in: "ab[cd")
                == .init(reason: "the character class opened here is never closed", offset: 2))
        #expect(
            ECMAPatternSyntax.failure(in: "x(?:a")
                == .init(reason: "the group opened here is never closed", offset: 1))
        #expect(
            ECMAPatternSyntax.failure(in: "[0-9z-a]")
                == .init(reason: "the range's start is after its end", offset: 4))
        #expect(ECMAPatternSyntax.failure(in: "a{3,2}")?.reason == "the quantifier's minimum is larger than its maximum")
    }

    @Test func deepNestingIsReportedInsteadOfExhaustingTheStack() {
        let limit = ECMAPatternSyntax.maximumDepth
        let nested = { (depth: Int) in String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth) }
        #expect(ECMAPatternSyntax.failure(in: nested(limit)) == nil)
        let tooDeep = ECMAPatternSyntax.failure(in: nested(limit + 1))
        #expect(tooDeep?.offset == limit && tooDeep?.kind == .nestingLimit, "reported as unchecked, not as invalid")
        #expect(ECMAPatternSyntax.failure(in: String(repeating: "(", count: 1_000_000))?.kind == .nestingLimit)
        #expect(ECMAPatternSyntax.failure(in: "(a")?.kind == .syntax)
    }

    @Test func aTooDeepPatternIsAWarningAtItsLineThatSaysItWasNotChecked() throws {
        let deep = String(repeating: "(", count: 600) + String(repeating: ")", count: 600)
        let text = """
            openapi: 3.1.0
            info: {title: T, version: "1"}
            paths: {}
            components:
              schemas:
                Code:
                  type: string
                  pattern: '\(deep)'
            """
        let diagnostics = DiagnosticCollector()
        _ = try #require(SpecLoader.load(text: text, file: "deep.yaml", diagnostics: diagnostics))
        let warning = try #require(diagnostics.diagnostics.first { $0.message.contains("was not checked") })
        #expect(warning.severity == .warning && warning.location.line == 8)
        #expect(warning.message.contains("groups nest more than 500 deep (at character 501)"))
        #expect(!diagnostics.diagnostics.contains { $0.message.contains("is not an ECMA-262") })
    }

    /// Duplicate group names are allowed in different alternatives since ECMA-262 2025; Kiln does not tell
    /// those apart from duplicates in one alternative, so it accepts both rather than warn wrongly.
    @Test func acceptsDuplicateGroupNamesUnchecked() {
        #expect(ECMAPatternSyntax.failure(in: "(?<a>x)|(?<a>y)") == nil)
        #expect(ECMAPatternSyntax.failure(in: "(?<a>x)(?<a>y)") == nil)
    }
}
