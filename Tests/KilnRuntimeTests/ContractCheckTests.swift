import Foundation
import KilnRuntime
import KilnTestServer
import Testing

/// The comparisons generated contract tests rely on: lenient only where the spec allows it.
@Suite struct ContractCheckTests {
    @Test func requestBodiesMustMatchNumbersAndStringsInKind() {
        #expect(ContractCheck.jsonDifference(Data(#"{"accessType":"1"}"#.utf8), #"{"accessType":1}"#) == "$.accessType: expected 1.0, got \"1\"")
        #expect(ContractCheck.jsonDifference(Data(#"{"a":1.0}"#.utf8), #"{"a":1}"#) == nil, "1 is 1.0")
        #expect(ContractCheck.jsonDifference(Data(#"{"at":"2024-05-01T10:00:00Z"}"#.utf8), #"{"at":"2024-05-01T10:00:00.000+00:00"}"#) == nil)
        #expect(ContractCheck.jsonDifference(Data(#"[1,2]"#.utf8), #"[1]"#) == "$: expected 1 items, got 2")
    }

    @Test func requestBodiesTellAnAbsentKeyFromNull() {
        #expect(ContractCheck.jsonDifference(Data(#"{"a":1,"b":null}"#.utf8), #"{"a":1}"#) == #"$: unexpected key "b""#)
        #expect(ContractCheck.jsonDifference(Data(#"{"a":1}"#.utf8), #"{"a":1,"b":null}"#) == #"$: missing key "b""#)
        #expect(ContractCheck.jsonDifference(Data(#"{"a":{"b":null}}"#.utf8), #"{"a":{"b":null}}"#) == nil)
    }

    @Test func roundTripsMatchInKindButLetANullBeLeftOut() throws {
        struct Row: Encodable { let id: Int64; let note: String? }
        #expect(try ContractCheck.roundTripDifference(Row(id: 542, note: nil), #"{"id":542,"note":null}"#) == nil)
        #expect(try ContractCheck.roundTripDifference(Row(id: 542, note: nil), #"{"id":"542"}"#) == "$.id: expected \"542\", got 542.0")
        #expect(try ContractCheck.roundTripDifference(Row(id: 542, note: nil), #"{"id":543}"#) != nil)
    }
}
