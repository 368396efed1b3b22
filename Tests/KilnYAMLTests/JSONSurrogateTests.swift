import KilnDiagnostics
import KilnYAML
import Testing

/// JSON escapes characters beyond the BMP as UTF-16 surrogate pairs, which libyaml alone rejects.
@Suite struct JSONSurrogateTests {
    private func parse(_ text: String, file: String = "t.json") -> (YAMLNode?, [String]) {
        let collector = DiagnosticCollector()
        let node = YAMLLoader.parse(Array(text.utf8), file: file, diagnostics: collector)
        return (node, collector.sorted.map(\.description))
    }

    @Test func surrogatePairEscapesDecode() throws {
        let (node, problems) = parse(#"{"openapi":"3.0.3","info":{"title":"\ud83d\ude00","version":"1"},"paths":{}}"#)
        #expect(problems.isEmpty)
        #expect(try #require(node)["info"]?["title"]?.scalar?.text == "😀")
    }

    @Test func upperCaseHexAndSeveralPairsInOneString() throws {
        let (node, problems) = parse(#"{"a":"x\uD83D\uDE00y\ud83c\udf89z \u00e9"}"#)
        #expect(problems.isEmpty)
        #expect(try #require(node)["a"]?.scalar?.text == "x😀y🎉z é")
    }

    @Test func nodesAfterTheStringKeepTheirColumns() throws {
        let (node, _) = parse(#"{"a":"\ud83d\ude00","b":1}"#)
        let pairs = try #require(node?.mapping)
        #expect(pairs[1].key.location.column == 21)
        #expect(pairs[1].value.location.column == 25)
    }

    @Test func escapedQuotesAndBackslashesAreNotMistakenForStringEnds() throws {
        let (node, problems) = parse(#"{"a":"\\ud83d\"\ud83d\ude00","b":"\\"}"#)
        #expect(problems.isEmpty)
        #expect(try #require(node)["a"]?.scalar?.text == #"\ud83d"😀"#)
        #expect(node?["b"]?.scalar?.text == #"\"#)
    }

    @Test func loneSurrogateIsMalformedJSONNotYAML() {
        let (node, problems) = parse(#"{"title":"\ud83d"}"#)
        #expect(node == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("t.json:1:") == true)
        #expect(problems.first?.contains(": error: malformed JSON: found invalid Unicode character escape code") == true)
    }

    @Test func yamlSyntaxErrorsStillSayYAML() {
        let (_, problems) = parse("a: [1, 2\nb: 3\n", file: "t.yaml")
        #expect(problems.first?.contains("error: malformed YAML:") == true)
    }
}
