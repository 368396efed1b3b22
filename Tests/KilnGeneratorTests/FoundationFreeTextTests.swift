import Foundation
import KilnText
import Testing

/// Base64 and URLReference stand in for Foundation in the generator; they must answer as it did, or
/// generated code would change.
@Suite struct FoundationFreeTextTests {
    @Test func base64AgreesWithFoundation() {
        var state: UInt64 = 0x853C_49E6_748F_EA9B
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
            let encoded = Base64.encode(bytes)
            #expect(encoded == Data(bytes).base64EncodedString())
            #expect(Base64.decode(encoded) == bytes)
        }
        // Foundation also takes some malformed text ("a+=Q", "AQba="); this decoder takes only RFC 4648's
        // padded form, so where it answers it must answer as Foundation does, and reject all Foundation rejects.
        let alphabet = Array("AQab+/=9 \n-_".utf8)
        for _ in 0..<5_000 {
            let text = String(decoding: (0..<Int(next() % 10)).map { _ in alphabet[Int(next()) % alphabet.count] }, as: UTF8.self)
            let foundation = Data(base64Encoded: text).map { [UInt8]($0) }
            if let decoded = Base64.decode(text) {
                #expect(decoded == foundation, "\(text.debugDescription)")
            }
            if foundation == nil { #expect(Base64.decode(text) == nil, "\(text.debugDescription)") }
        }
    }

    static let urls = [
        "https://api.example.com/v1/", "https://api.example.com", "http://user:pw@host:8080/a%20b?q=1#f",
        "/relative/path", "relative", "", "https://[::1]:8443/x", "file:///tmp/x", "https:///path",
        "https://example.com/{version}", "https://exa mple.com", "https://example.com/a%2", "mailto:someone@example.com",
        "urn:isbn:0451450523", "//host.example/only", "https://host?query", "1http://bad", "https://ho_st/p;a=b",
        "https://h/a b", "https://h x/a", "https://h/a[b]", "https://h/%", "https://h/a%4", "https://h:port/", "https://h:/",
        "https://u p@h/", "https://[v1.x]:8/", "https://h/é", "a:b", "https://h/a\\b^`{|}\"<>",
    ]

    @Test(arguments: urls) func urlReferenceAgreesWithURLComponents(_ text: String) {
        let components = URLComponents(string: text)
        let reference = URLReference(text)
        #expect((reference == nil) == (components == nil))
        guard let components, let reference else { return }
        #expect(reference.path == components.percentEncodedPath)
        #expect(reference.scheme == components.scheme)
        #expect(reference.host == components.percentEncodedHost)
        // What decides a client's default server: a scheme and a host, as URL(string:) reads them.
        let url = URL(string: text)
        #expect((reference.scheme != nil && reference.host?.isEmpty == false) == (url?.scheme != nil && url?.host != nil))
    }
}
