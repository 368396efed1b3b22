import Testing
@testable import KilnRuntime

@Suite struct PercentEncodingTests {
    @Test func unreservedStayLiteralEverythingElseIsEncoded() {
        #expect(PercentEncoding.encode("AZaz09-._~") == "AZaz09-._~")
        #expect(PercentEncoding.encode(" !\"#$%&'()*+,/:;=?@[]") == "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D")
        #expect(PercentEncoding.encode("ü€😀") == "%C3%BC%E2%82%AC%F0%9F%98%80")
    }

    @Test func allowReservedKeepsReservedCharacters() {
        #expect(PercentEncoding.encode("a/b?c=d&e+f g", keeping: .unreservedAndReserved) == "a/b?c=d&e+f%20g")
    }

    @Test func formSetFollowsWHATWG() {
        #expect(PercentEncoding.encode("*-._~ +", keeping: .formURLEncoded) == "*-._%7E%20%2B")
    }

    @Test func decodeRoundTripsAndRejectsMalformed() {
        #expect(PercentEncoding.decode("a%20b%2Bc+d") == "a b+c+d")
        #expect(PercentEncoding.decode("a+b", plusAsSpace: true) == "a b")
        #expect(PercentEncoding.decode("%zz") == nil)
        #expect(PercentEncoding.decode("%C3") == nil)
        #expect(PercentEncoding.decode(PercentEncoding.encode("ü €/+")) == "ü €/+")
    }
}
