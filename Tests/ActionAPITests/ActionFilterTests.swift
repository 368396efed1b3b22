import ActionAPI
import Foundation
import KilnRuntime
import Testing

/// The builders must yield exactly the generated `Filter` values (and so the JSON) the document describes.
@Suite struct ActionFilterTests {
    @Test(arguments: [
        (Filter.field("age", .eql(27)), Filter(fieldname: "age", comparison: .eql, value: .jsonScalar(.integer(27)))),
        (.field("age", .lt(1.5)), Filter(fieldname: "age", comparison: .lt, value: .jsonScalar(.double(1.5)))),
        (.field("d", .gt("2024-01-01")), Filter(fieldname: "d", comparison: .gt, value: .jsonScalar(.string("2024-01-01")))),
        (.field("n", .lte(-3)), Filter(fieldname: "n", comparison: .lte, value: .jsonScalar(.integer(-3)))),
        (.field("ok", .gte(true)), Filter(fieldname: "ok", comparison: .gte, value: .jsonScalar(.bool(true)))),
        (.field("name", .like("Max%")), Filter(fieldname: "name", comparison: .like, value: .jsonScalar(.string("Max%")))),
        (.field("id", .in(["1", "2"])), Filter(fieldname: "id", comparison: .in, value: .array([.string("1"), .string("2")]))),
        (.field("id", .in([1, 2.5, false])), Filter(fieldname: "id", comparison: .in, value: .array([.integer(1), .double(2.5), .bool(false)]))),
        (.field("deleted", .isNull), Filter(fieldname: "deleted", comparison: .is, value: nil)),
        (.field("deleted", .isNotNull), Filter(fieldname: "deleted", comparison: .isnot, value: nil)),
        (.anyField(.like("man")), Filter(fieldname: "query", comparison: .like, value: .jsonScalar(.string("man")))),
        (.field("login", .eql(.string(String(repeating: "a", count: 3)))), Filter(fieldname: "login", comparison: .eql, value: .jsonScalar(.string("aaa")))),
    ])
    func builderYieldsTheGeneratedModel(built: Filter, expected: Filter) {
        #expect(built == expected)
    }

    @Test func documentExampleEncodesAsInTheDocument() throws {
        let filters: [Filter] = [.field("age", .gte(27)), .field("lastname", .like("man"))]
        #expect(try json(filters) == #"[{"comparison":"gte","fieldname":"age","value":27},{"comparison":"like","fieldname":"lastname","value":"man"}]"#)
    }

    @Test func nullTestsSendNoValueAndInSendsAnArray() throws {
        let filters: [Filter] = [.field("deleted", .isNull), .field("id", .in(["1", "2"])), .field("x", .isNotNull)]
        #expect(try json(filters) == #"[{"comparison":"is","fieldname":"deleted"},{"comparison":"in","fieldname":"id","value":["1","2"]},{"comparison":"isnot","fieldname":"x"}]"#)
    }

    @Test func filtersFitTheListRequest() throws {
        let request = ListRequest(action: "list", accessType: 1, model: "Subaccount", filters: [.field("intStatus", .eql("1"))])
        #expect(request.filters == [Filter(fieldname: "intStatus", comparison: .eql, value: .jsonScalar(.string("1")))])
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.makeEncoder().encode(value), as: UTF8.self)
    }
}
