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

    @Test func multipartPartsAreComparedExactly() {
        var form = MultipartFormData(boundary: "b0undary")
        form.addFile(name: "file", filename: "file.zip", contentType: "application/zip", data: Data("PK\r\n".utf8))
        form.addField(name: "flag", value: "true")
        let request = RecordedRequest(
            method: "POST", target: "/", headers: [TestHeader("Content-Type", form.contentType)], body: form.encoded())
        let file = MultipartPart(name: "file", filename: "file.zip", contentType: "application/zip", body: Data("PK\r\n".utf8))
        let flag = MultipartPart(name: "flag", body: Data("true".utf8))
        #expect(ContractCheck.multipartParts(request) == [file, flag])
        #expect(ContractCheck.multipartDifference(request, [file, flag]) == nil)
        #expect(ContractCheck.multipartDifference(request, [file]) != nil, "an extra part fails")
        var renamed = file
        renamed.filename = "file"
        #expect(ContractCheck.multipartDifference(request, [renamed, flag]) != nil, "a wrong filename fails")
        var retyped = file
        retyped.contentType = "application/octet-stream"
        #expect(ContractCheck.multipartDifference(request, [retyped, flag]) != nil, "a wrong Content-Type fails")
        #expect(ContractCheck.multipartDifference(request, [file, MultipartPart(name: "flag", body: Data("false".utf8))]) != nil)
    }
}
