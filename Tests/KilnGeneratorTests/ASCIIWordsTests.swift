@testable import KilnGenerator
import Testing

/// The byte-level fast path must split every ASCII name exactly as the Unicode path does.
@Suite struct ASCIIWordsTests {
    static let names = [
        "", "_", "a", "A", "HTTPServer", "IDs", "URLsFor", "userIDs", "BIG_ELEPHANT", "x-rate-limit", "snake_case_name",
        "api.v2010.account", "ABC123def", "abc123Def", "v2", "2fa", "A1B2", "ipv4Address", "S3Bucket", "iOS", "OAuth2Token",
        "SMSs", "XMLHttpRequest", "a\r\nb", "--", "123", "ÄpfelÜber", "日本", "Name Ünique", "sIDs", "IDsX", "IDsx",
    ]

    @Test(arguments: names) func theFastPathAgreesOnKnownCases(_ name: String) {
        if let fast = SwiftNaming.asciiWords(name) {
            #expect(fast == SwiftNaming.unicodeWords(name), "\(name)")
        } else {
            #expect(name.unicodeScalars.contains { !$0.isASCII }, "only non-ASCII names take the Unicode path")
        }
    }

    @Test func theFastPathAgreesOnRandomNames() {
        // A fixed generator, so a failure names a reproducible input.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("aAbBsSzZ09_-. xXyY1".utf8)
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 12) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let name = String(decoding: bytes, as: UTF8.self)
            #expect(SwiftNaming.asciiWords(name) == SwiftNaming.unicodeWords(name), "\(name)")
        }
    }
}
