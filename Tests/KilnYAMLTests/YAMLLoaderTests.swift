import KilnDiagnostics
import KilnYAML
import Testing

@Suite struct YAMLLoaderTests {
    private func parse(_ text: String, limits: YAMLLimits = YAMLLimits()) -> (YAMLNode?, [String]) {
        let collector = DiagnosticCollector()
        let node = YAMLLoader.parse(Array(text.utf8), file: "t.yaml", limits: limits, diagnostics: collector)
        return (node, collector.sorted.map(\.description))
    }

    @Test(arguments: [
        ("true", YAMLScalar.Value.bool(true)), ("false", .bool(false)), ("True", .bool(true)),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("y", .string("y")), ("~", .null), ("null", .null), ("", .null),
        ("42", .integer(42)), ("-7", .integer(-7)), ("0x1F", .integer(31)), ("0o17", .integer(15)),
        ("1.5", .float(1.5)), ("9.223372036854776e+18", .float(9.223372036854776e+18)), ("1e3", .float(1000)),
        (".5", .float(0.5)), ("1.", .float(1)), ("1_000", .string("1_000")), ("0.1.2", .string("0.1.2")),
        ("2024-01-02", .string("2024-01-02")), ("+", .string("+")), ("1e", .string("1e")),
    ])
    func plainScalarsResolveLikeYAML12(_ text: String, _ expected: YAMLScalar.Value) throws {
        let (node, problems) = parse("key: \(text)\n")
        #expect(problems.isEmpty)
        #expect(try #require(node)["key"]?.scalar?.resolved == expected)
    }

    @Test func quotedAndTaggedScalarsAreStrings() throws {
        let (node, _) = parse("a: \"true\"\nb: '42'\nc: !!str 7\nd: |\n  yes\n")
        let root = try #require(node)
        #expect(root["a"]?.scalar?.resolved == .string("true"))
        #expect(root["b"]?.scalar?.resolved == .string("42"))
        #expect(root["c"]?.scalar?.resolved == .string("7"))
        #expect(root["d"]?.scalar?.resolved == .string("yes\n"))
    }

    @Test func integerTooLargeForIntBecomesFloat() throws {
        let (node, _) = parse("n: 92233720368547758070\n")
        #expect(try #require(node)["n"]?.scalar?.number == 92233720368547758070.0)
    }

    @Test func everyNodeKnowsItsLineAndColumn() throws {
        let text = """
            openapi: 3.1.0
            paths:
              /pets:
                get:
                  tags: [a, b]
            """
        let (node, _) = parse(text)
        let root = try #require(node)
        let get = try #require(root["paths"]?["/pets"]?["get"])
        #expect(get.location == SourceLocation(file: "t.yaml", line: 5, column: 7))
        let tags = try #require(get["tags"]?.sequence)
        #expect(tags.map(\.location.column) == [14, 17])
        let key = try #require(root.mapping?[1].key)
        #expect(key.location == SourceLocation(file: "t.yaml", line: 2, column: 1))
    }

    @Test func mappingsKeepDocumentOrder() throws {
        let (node, _) = parse("z: 1\na: 2\nm: 3\n")
        #expect(try #require(node).mapping?.map { $0.key.scalar?.text } == ["z", "a", "m"])
    }

    @Test func anchorsAndAliasesShareContent() throws {
        let (node, problems) = parse("base: &b {type: string}\ncopy: *b\n")
        #expect(problems.isEmpty)
        #expect(try #require(node)["copy"]?["type"]?.scalar?.text == "string")
    }

    @Test func aliasExpansionIsBounded() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (previous, name) in zip("abcdef", "bcdefg") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let (node, problems) = parse(text, limits: YAMLLimits(maximumExpandedNodes: 100_000))
        #expect(node == nil)
        #expect(problems == ["t.yaml:5:36: error: aliases expand to more than 100000 nodes; refusing an alias bomb"])
    }

    @Test func jsonParsesToo() throws {
        let (node, problems) = parse("{\"openapi\": \"3.1.0\", \"list\": [1, 2.5, true, null, \"x\"]}")
        #expect(problems.isEmpty)
        let list = try #require(node?["list"]?.sequence)
        #expect(list.map { $0.scalar?.resolved } == [.integer(1), .float(2.5), .bool(true), .null, .string("x")])
    }

    @Test func syntaxErrorsAreLocated() {
        let (node, problems) = parse("a: [1, 2\nb: 3\n")
        #expect(node == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("t.yaml:2:2: error: malformed YAML: did not find expected ',' or ']'") == true)
    }

    @Test func duplicateKeysAreErrors() {
        let (_, problems) = parse("a: 1\nb: 2\na: 3\n")
        #expect(problems == ["t.yaml:3:1: error: duplicate key 'a'; it was already defined at line 1"])
    }
}
