import KilnText
import Testing

/// `String.lines` and `trimmingSpaces` work on bytes; they must agree with the Character-based split and
/// trim they replaced, or doc comments would change.
@Suite struct TextLinesTests {
    static let texts = [
        "", "\n", "a", "a\nb", "a\r\nb", "a\rb", "a\r\n\r\nb", "\r\n", "a\n\n\nb\n", "\u{0B}\u{0C}",
        "one\u{85}two", "one\u{2028}two\u{2029}three", "e\u{301}\nx", "\n\u{301}", "a\u{2027}b", "日本\n語",
        "  spaced  \n\ttabbed\t", " \u{301}mark", "prepend\u{600} ", "end \u{301}", "\u{600} ", "  ",
    ]

    @Test(arguments: texts) func linesAgreeWithTheCharacterSplit(_ text: String) {
        let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        #expect(text.lines.map(String.init) == expected)
    }

    @Test(arguments: texts) func trimmingAgreesWithTheCharacterTrim(_ text: String) {
        #expect(Substring(text).trimmingSpaces == characterTrim(Substring(text)))
    }

    @Test func randomTextsAgree() {
        // A fixed generator, so a failure names a reproducible input.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let alphabet: [String] = ["a", " ", "\t", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{301}", "\u{600}", "é", "日"]
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int(state % 10) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += alphabet[Int(state >> 33) % alphabet.count]
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            #expect(text.lines.map(String.init) == expected, "\(Array(text.unicodeScalars))")
            for line in text.lines {
                #expect(line.trimmingSpaces == characterTrim(line), "\(Array(line.unicodeScalars))")
            }
        }
    }

    private func characterTrim(_ text: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }
}
