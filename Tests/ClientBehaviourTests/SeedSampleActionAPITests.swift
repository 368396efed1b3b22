import ActionAPI
import KilnRuntime
import Testing

/// The action API (003): every input and output sample of the ten actions. Samples that open with `...`
/// leave out fields every full sample shows (`accessType` in requests; `status` and `statuscode` in replies);
/// those rows fill them in. The replies to `dataonly` and `assoc` list requests are not shown anywhere, so
/// no sample covers them: ListResult stays the assumption the spec notes.
@Suite struct SeedSampleActionAPITests {
    static let request: [String: JSONValue] = ["accessType": .integer(1)]
    static let success: [String: JSONValue] = ["status": .string("Success"), "statuscode": .integer(0)]

    static let table = [
        SampleRow(index: 0, shows: "preauth input", decode: SampleRow.decodes(PreauthRequest.self)),
        SampleRow(index: 1, shows: "preauth output", elided: success, decode: SampleRow.decodes(PreauthResponse.self)),
        SampleRow(index: 2, shows: "auth input", decode: SampleRow.decodes(AuthRequest.self)),
        SampleRow(index: 3, shows: "auth output", elided: success, decode: SampleRow.decodes(AuthResponse.self)),
        SampleRow(index: 4, shows: "verifyauth input", decode: SampleRow.decodes(VerifyAuthRequest.self)),
        SampleRow(index: 5, shows: "verifyauth output", elided: success, decode: SampleRow.decodes(AuthResponse.self)),
        SampleRow(index: 6, shows: "logout input", decode: SampleRow.decodes(LogoutRequest.self)),
        SampleRow(index: 7, shows: "rights input", decode: SampleRow.decodes(RightsRequest.self)),
        SampleRow(index: 8, shows: "rights output", elided: success, decode: SampleRow.decodes(RightsResponse.self)),
        SampleRow(index: 9, shows: "list input", elided: request, decode: SampleRow.decodes(ListRequest.self)),
        SampleRow(index: 10, shows: "list output", decode: SampleRow.decodes(ListResponse.self)),
        SampleRow(index: 11, shows: "list input with :convert", elided: request, decode: SampleRow.decodes(ListRequest.self)),
        SampleRow(index: 12, shows: "list output with :convert", elided: success, decode: SampleRow.decodes(ListResponse.self)),
        SampleRow(index: 13, shows: "a filter item", decode: SampleRow.decodes(Filter.self)),
        SampleRow(index: 14, shows: "list input: filters", member: "filters", decode: SampleRow.decodes([Filter].self)),
        SampleRow(index: 15, shows: "get input", elided: request, decode: SampleRow.decodes(GetRequest.self)),
        SampleRow(index: 16, shows: "get output", decode: SampleRow.decodes(RecordResponse.self)),
        SampleRow(index: 17, shows: "create input", decode: SampleRow.decodes(CreateRequest.self)),
        SampleRow(index: 18, shows: "create output", decode: SampleRow.decodes(RecordResponse.self)),
        SampleRow(index: 19, shows: "update input", decode: SampleRow.decodes(UpdateRequest.self)),
        SampleRow(index: 20, shows: "update output", decode: SampleRow.decodes(RecordResponse.self)),
        SampleRow(index: 21, shows: "update error", decode: SampleRow.decodes(ErrorResponse.self)),
        SampleRow(index: 22, shows: "delete input", elided: request, decode: SampleRow.decodes(DeleteRequest.self)),
        SampleRow(index: 23, shows: "delete output", decode: SampleRow.decodes(RecordResponse.self)),
    ]

    @Test func samplesDecodeAsTheirOperationsDeclare() throws {
        try SeedSampleCheck.run("003_a3f5e7798cd8a9a2.txt", Self.table)
    }
}
