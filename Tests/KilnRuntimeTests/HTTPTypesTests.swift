import Foundation
import Testing
@testable import KilnRuntime

@Suite struct HTTPMethodTests {
    @Test func idempotentMethodsAreRecognised() {
        #expect([HTTPMethod.get, .head, .put, .delete, .options, .trace].allSatisfy { $0.isIdempotent })
        #expect(!HTTPMethod.post.isIdempotent)
        #expect(!HTTPMethod.patch.isIdempotent)
    }

    @Test func customMethodsKeepTheirSpelling() {
        let method: HTTPMethod = "PROPFIND"
        #expect(method.rawValue == "PROPFIND")
        #expect(method.description == "PROPFIND")
        #expect(HTTPMethod(rawValue: "get") != .get)
    }
}

@Suite struct HTTPFieldsTests {
    @Test func lookupIgnoresCase() {
        let fields: HTTPFields = ["Content-Type": "application/json"]
        #expect(fields["content-type"] == "application/json")
        #expect(fields["CONTENT-TYPE"] == "application/json")
        #expect(fields.contains("Content-type"))
        #expect(fields["Accept"] == nil)
    }

    @Test func repeatedNamesKeepOrder() {
        var fields: HTTPFields = ["Accept": "a/b", "X-Other": "1"]
        fields.append(name: "accept", value: "c/d")
        #expect(fields.values(for: "ACCEPT") == ["a/b", "c/d"])
        #expect(fields.fields.map(\.name) == ["Accept", "X-Other", "accept"])
        #expect(fields.count == 3)
    }

    @Test func subscriptSetReplacesAllValuesInPlace() {
        var fields: HTTPFields = ["A": "1", "B": "2", "a": "3"]
        fields["a"] = "9"
        #expect(fields.fields == [HTTPField(name: "A", value: "9"), HTTPField(name: "B", value: "2")])
        fields["C"] = "new"
        #expect(fields.fields.last == HTTPField(name: "C", value: "new"))
        fields["b"] = nil
        #expect(!fields.contains("B"))
    }

    @Test func addMissingDoesNotOverride() {
        var fields: HTTPFields = ["User-Agent": "mine"]
        fields.addMissing(from: ["user-agent": "default", "Accept": "application/json"])
        #expect(fields["User-Agent"] == "mine")
        #expect(fields["Accept"] == "application/json")
        #expect(fields.values(for: "user-agent") == ["mine"])
    }
}

@Suite struct QueryItemsTests {
    @Test func rawValuesAreEncodedWithPlusAsPercent2B() {
        var query = QueryItems()
        query.append("q", "a+b c&d=é~")
        #expect(query.percentEncodedQuery == "q=a%2Bb%20c%26d%3D%C3%A9~")
        #expect(query["q"] == "a+b c&d=é~")
    }

    @Test func dictionaryLiteralKeepsOrderAndDuplicates() {
        let query: QueryItems = ["tag": "a", "page": "2", "tag": "b"]
        #expect(query.percentEncodedQuery == "tag=a&page=2&tag=b")
        #expect(query.values(for: "tag") == ["a", "b"])
    }

    @Test func preEncodedItemsPassThrough() {
        let query = QueryItems([QueryItem(percentEncodedName: "color", percentEncodedValue: "blue,black")])
        #expect(query.percentEncodedQuery == "color=blue,black")
        #expect(QueryItems(percentEncodedQuery: "a=1&b=x%20y&c").items.map(\.value) == ["1", "x y", ""])
    }
}

@Suite struct URLBuildingTests {
    let base = URL(string: "https://api.example.com/v1")!

    @Test func pathIsNotEncodedAgain() throws {
        let request = HTTPRequest(path: "/groups/a%20b%2Fc")
        #expect(try request.url(relativeTo: base).absoluteString == "https://api.example.com/v1/groups/a%20b%2Fc")
    }

    @Test func trailingSlashOnBaseIsNotDoubled() throws {
        let request = HTTPRequest(path: "/groups")
        #expect(try request.url(relativeTo: URL(string: "https://h.example/v1/")!).absoluteString == "https://h.example/v1/groups")
    }

    @Test func queryIsAppendedVerbatim() throws {
        var request = HTTPRequest(path: "/search", query: ["q": "1+1=2"])
        request.query.append(contentsOf: QueryEncoder.encode(name: "color", value: .array(["blue", "black"]), explode: false))
        #expect(try request.url(relativeTo: base).absoluteString == "https://api.example.com/v1/search?q=1%2B1%3D2&color=blue,black")
    }

    @Test func queryOnTheBaseURLIsKeptAndFragmentDropped() throws {
        let request = HTTPRequest(path: "/groups", query: ["page": "2"])
        let url = try request.url(relativeTo: URL(string: "https://h.example/v1/?key=a%20b#frag")!)
        #expect(url.absoluteString == "https://h.example/v1/groups?key=a%20b&page=2")
    }

    @Test func emptyPathUsesTheBaseURL() throws {
        #expect(try HTTPRequest(path: "").url(relativeTo: base) == base)
    }

    @Test func invalidURLThrows() {
        #expect(throws: InvalidURLError.self) {
            try HTTPRequest(path: "/a b").url(relativeTo: URL(string: "no-scheme")!)
        }
    }
}

@Suite struct HTTPResponseTests {
    @Test func successAndMediaType() {
        let response = HTTPResponse(status: 204, headers: ["content-type": "Application/JSON; charset=utf-8"])
        #expect(response.isSuccess)
        #expect(response.mediaType == "application/json")
        #expect(!HTTPResponse(status: 301).isSuccess)
        #expect(HTTPResponse(status: 200).mediaType == nil)
    }
}

@Suite struct HTTPDateTests {
    let instant = Date(timeIntervalSince1970: 784_111_777)

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.string(from: instant) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }

    @Test(arguments: ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"])
    func parsesAllThreeFormats(_ text: String) {
        #expect(HTTPDate.date(from: text) == instant)
    }

    @Test func rejectsGarbage() {
        #expect(HTTPDate.date(from: "tomorrow") == nil)
        #expect(HTTPDate.date(from: "Sun, 31 Feb 1994 08:49:37 GMT") == nil)
    }
}
