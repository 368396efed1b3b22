import Foundation
import Testing
import KilnRuntime

/// The values of the OpenAPI 3.1.1 "Style Examples" table.
enum StyleFixtures {
    static let empty = ParameterValue.primitive("")
    static let string = ParameterValue("blue")
    static let array = ParameterValue(array: ["blue", "black", "brown"])
    static let object = ParameterValue(object: [("R", 100), ("G", 200), ("B", 150)])
}

struct StyleCase: Sendable, CustomTestStringConvertible {
    var explode: Bool
    var value: ParameterValue
    var expected: String
    var testDescription: String { "explode=\(explode) \(value) → \(expected)" }
}

@Suite struct PathStyleTests {
    static let simple: [StyleCase] = [
        StyleCase(explode: false, value: StyleFixtures.string, expected: "blue"),
        StyleCase(explode: true, value: StyleFixtures.string, expected: "blue"),
        StyleCase(explode: false, value: StyleFixtures.array, expected: "blue,black,brown"),
        StyleCase(explode: true, value: StyleFixtures.array, expected: "blue,black,brown"),
        StyleCase(explode: false, value: StyleFixtures.object, expected: "R,100,G,200,B,150"),
        StyleCase(explode: true, value: StyleFixtures.object, expected: "R=100,G=200,B=150"),
        StyleCase(explode: false, value: StyleFixtures.empty, expected: ""),
    ]

    static let label: [StyleCase] = [
        StyleCase(explode: false, value: StyleFixtures.empty, expected: "."),
        StyleCase(explode: true, value: StyleFixtures.empty, expected: "."),
        StyleCase(explode: false, value: StyleFixtures.string, expected: ".blue"),
        StyleCase(explode: true, value: StyleFixtures.string, expected: ".blue"),
        StyleCase(explode: false, value: StyleFixtures.array, expected: ".blue,black,brown"),
        StyleCase(explode: true, value: StyleFixtures.array, expected: ".blue.black.brown"),
        StyleCase(explode: false, value: StyleFixtures.object, expected: ".R,100,G,200,B,150"),
        StyleCase(explode: true, value: StyleFixtures.object, expected: ".R=100.G=200.B=150"),
    ]

    static let matrix: [StyleCase] = [
        StyleCase(explode: false, value: StyleFixtures.empty, expected: ";color"),
        StyleCase(explode: true, value: StyleFixtures.empty, expected: ";color"),
        StyleCase(explode: false, value: StyleFixtures.string, expected: ";color=blue"),
        StyleCase(explode: true, value: StyleFixtures.string, expected: ";color=blue"),
        StyleCase(explode: false, value: StyleFixtures.array, expected: ";color=blue,black,brown"),
        StyleCase(explode: true, value: StyleFixtures.array, expected: ";color=blue;color=black;color=brown"),
        StyleCase(explode: false, value: StyleFixtures.object, expected: ";color=R,100,G,200,B,150"),
        StyleCase(explode: true, value: StyleFixtures.object, expected: ";R=100;G=200;B=150"),
    ]

    @Test(arguments: simple) func simpleStyle(_ testCase: StyleCase) {
        #expect(PathEncoder.encode(name: "color", value: testCase.value, style: .simple, explode: testCase.explode) == testCase.expected)
    }

    @Test(arguments: label) func labelStyle(_ testCase: StyleCase) {
        #expect(PathEncoder.encode(name: "color", value: testCase.value, style: .label, explode: testCase.explode) == testCase.expected)
    }

    @Test(arguments: matrix) func matrixStyle(_ testCase: StyleCase) {
        #expect(PathEncoder.encode(name: "color", value: testCase.value, style: .matrix, explode: testCase.explode) == testCase.expected)
    }

    @Test func segmentValuesCannotBreakThePath() {
        #expect(PathEncoder.encode("a b/c?d#e%f+g") == "a%20b%2Fc%3Fd%23e%25f%2Bg")
        #expect(PathEncoder.encode(name: "x", value: .array(["a,b", "c d"])) == "a%2Cb,c%20d")
        #expect(PathEncoder.encode(42) == "42")
    }
}

@Suite struct QueryStyleTests {
    static let form: [StyleCase] = [
        StyleCase(explode: false, value: StyleFixtures.empty, expected: "color="),
        StyleCase(explode: true, value: StyleFixtures.empty, expected: "color="),
        StyleCase(explode: false, value: StyleFixtures.string, expected: "color=blue"),
        StyleCase(explode: true, value: StyleFixtures.string, expected: "color=blue"),
        StyleCase(explode: false, value: StyleFixtures.array, expected: "color=blue,black,brown"),
        StyleCase(explode: true, value: StyleFixtures.array, expected: "color=blue&color=black&color=brown"),
        StyleCase(explode: false, value: StyleFixtures.object, expected: "color=R,100,G,200,B,150"),
        StyleCase(explode: true, value: StyleFixtures.object, expected: "R=100&G=200&B=150"),
    ]

    static let spaceDelimited: [StyleCase] = [
        StyleCase(explode: false, value: StyleFixtures.array, expected: "color=blue%20black%20brown"),
        StyleCase(explode: false, value: StyleFixtures.object, expected: "color=R%20100%20G%20200%20B%20150"),
        StyleCase(explode: false, value: StyleFixtures.string, expected: "color=blue"),
        StyleCase(explode: true, value: StyleFixtures.array, expected: "color=blue&color=black&color=brown"),
    ]

    static let pipeDelimited: [StyleCase] = [
        StyleCase(explode: false, value: StyleFixtures.array, expected: "color=blue%7Cblack%7Cbrown"),
        StyleCase(explode: false, value: StyleFixtures.object, expected: "color=R%7C100%7CG%7C200%7CB%7C150"),
        StyleCase(explode: false, value: StyleFixtures.string, expected: "color=blue"),
        StyleCase(explode: true, value: StyleFixtures.array, expected: "color=blue&color=black&color=brown"),
    ]

    static let deepObject: [StyleCase] = [
        StyleCase(explode: true, value: StyleFixtures.object, expected: "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
        StyleCase(explode: false, value: StyleFixtures.object, expected: "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"),
        StyleCase(explode: true, value: StyleFixtures.string, expected: "color=blue"),
        StyleCase(explode: true, value: StyleFixtures.array, expected: "color=blue&color=black&color=brown"),
    ]

    private func query(_ testCase: StyleCase, _ style: QueryStyle) -> String {
        QueryItems(QueryEncoder.encode(name: "color", value: testCase.value, style: style, explode: testCase.explode)).percentEncodedQuery
    }

    @Test(arguments: form) func formStyle(_ testCase: StyleCase) {
        #expect(query(testCase, .form) == testCase.expected)
    }

    @Test(arguments: spaceDelimited) func spaceDelimitedStyle(_ testCase: StyleCase) {
        #expect(query(testCase, .spaceDelimited) == testCase.expected)
    }

    @Test(arguments: pipeDelimited) func pipeDelimitedStyle(_ testCase: StyleCase) {
        #expect(query(testCase, .pipeDelimited) == testCase.expected)
    }

    @Test(arguments: deepObject) func deepObjectStyle(_ testCase: StyleCase) {
        #expect(query(testCase, .deepObject) == testCase.expected)
    }

    @Test func emptyCollections() {
        #expect(QueryEncoder.encode(name: "c", value: .array([]), explode: true).isEmpty)
        #expect(QueryItems(QueryEncoder.encode(name: "c", value: .array([]), explode: false)).percentEncodedQuery == "c=")
        #expect(QueryEncoder.encode(name: "c", value: .object([]), explode: true).isEmpty)
    }

    @Test func delimitersInsideValuesAreEncoded() {
        let items = QueryEncoder.encode(name: "tag list", value: .array(["a,b", "c+d", "e f"]), explode: false)
        #expect(QueryItems(items).percentEncodedQuery == "tag%20list=a%2Cb,c%2Bd,e%20f")
        #expect(items.first?.value == "a,b,c+d,e f")
    }

    @Test func allowReservedKeepsReservedCharacters() {
        let items = QueryEncoder.encode(name: "path", value: .primitive("a/b:c?d+e f"), allowReserved: true)
        #expect(QueryItems(items).percentEncodedQuery == "path=a/b:c?d+e%20f")
    }

    @Test func primitivesOfEveryKind() throws {
        #expect(QueryItems(QueryEncoder.encode(name: "n", 42)).percentEncodedQuery == "n=42")
        #expect(QueryItems(QueryEncoder.encode(name: "b", true)).percentEncodedQuery == "b=true")
        #expect(QueryItems(QueryEncoder.encode(name: "d", 1.5)).percentEncodedQuery == "d=1.5")
        #expect(QueryItems(QueryEncoder.encode(name: "d", 100.0)).percentEncodedQuery == "d=100")
        let date = Date(timeIntervalSince1970: 1_704_164_645)
        #expect(QueryItems(QueryEncoder.encode(name: "since", date)).percentEncodedQuery == "since=2024-01-02T03%3A04%3A05Z")
        let day = try #require(CalendarDate(year: 1977, month: 3, day: 7))
        #expect(QueryItems(QueryEncoder.encode(name: "day", day)).percentEncodedQuery == "day=1977-03-07")
        let uuid = try #require(UUID(uuidString: "E621E1F8-C36C-495A-93FC-0C247A3E6E5F"))
        #expect(QueryItems(QueryEncoder.encode(name: "id", uuid)).percentEncodedQuery == "id=e621e1f8-c36c-495a-93fc-0c247a3e6e5f")
    }

    enum Sort: String, ParameterPrimitive { case newestFirst = "newest first" }

    @Test func rawRepresentableEnumsUseTheirRawValue() {
        #expect(QueryItems(QueryEncoder.encode(name: "sort", Sort.newestFirst)).percentEncodedQuery == "sort=newest%20first")
    }
}

@Suite struct HeaderAndCookieStyleTests {
    @Test func headerSimpleStyle() {
        #expect(HeaderEncoder.encode(StyleFixtures.string) == "blue")
        #expect(HeaderEncoder.encode(StyleFixtures.array) == "blue,black,brown")
        #expect(HeaderEncoder.encode(StyleFixtures.array, explode: true) == "blue,black,brown")
        #expect(HeaderEncoder.encode(StyleFixtures.object) == "R,100,G,200,B,150")
        #expect(HeaderEncoder.encode(StyleFixtures.object, explode: true) == "R=100,G=200,B=150")
    }

    @Test func headerValuesAreNotPercentEncodedButCannotInjectLines() {
        #expect(HeaderEncoder.encode("a b/c+d") == "a b/c+d")
        #expect(HeaderEncoder.encode("x\r\nEvil: 1") == "x%0D%0AEvil: 1")
    }

    @Test func cookieFormStyle() {
        #expect(CookieEncoder.encode(name: "color", value: StyleFixtures.string) == "color=blue")
        #expect(CookieEncoder.encode(name: "color", value: StyleFixtures.empty) == "color=")
        #expect(CookieEncoder.encode(name: "color", value: StyleFixtures.array, explode: false) == "color=blue,black,brown")
        #expect(CookieEncoder.encode(name: "color", value: StyleFixtures.array, explode: true) == "color=blue; color=black; color=brown")
        #expect(CookieEncoder.encode(name: "color", value: StyleFixtures.object, explode: false) == "color=R,100,G,200,B,150")
        #expect(CookieEncoder.encode(name: "color", value: StyleFixtures.object, explode: true) == "R=100; G=200; B=150")
        #expect(CookieEncoder.encode(name: "s", "a b;c") == "s=a%20b%3Bc")
    }

    @Test func cookiesMergeIntoOneHeader() {
        var headers: HTTPFields = [:]
        CookieEncoder.append("a=1", to: &headers)
        CookieEncoder.append("b=2", to: &headers)
        CookieEncoder.append("", to: &headers)
        #expect(headers.values(for: "Cookie") == ["a=1; b=2"])
    }
}

@Suite struct DataParameterTests {
    @Test func dataIsSentAsBase64() {
        #expect(Data([0xFB, 0xFF, 0x00]).parameterText == "+/8A")
        var request = HTTPRequest(method: .get, path: "/x")
        request.addQuery("token", Data("hi?".utf8))
        #expect(request.query.items.map(\.value) == ["aGk/"])
    }
}
