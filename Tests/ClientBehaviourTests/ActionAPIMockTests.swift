import ActionAPI
import ActionAPIMocks
import KilnRuntime
import Testing

/// App code written against the protocol runs on the generated mock: action methods included.
@Suite struct ActionAPIMockTests {
    /// What an app might write: the logins of every account, through whatever client it is given.
    static func logins(_ client: some ActionAPIProtocol) async throws -> [String] {
        // Default arguments work through the protocol too (forwarders in a protocol extension).
        let response = try await client.list(model: "Subaccount", limit: 100, order: "strLogin", cols: ["strLogin"])
        return response.data.data.compactMap { $0.row.first ?? nil }
    }

    @Test func actionMethodsAreStubbedAndRecorded() async throws {
        let mock = ActionAPIClientMock()
        mock.listStub.handler = { _ in
            ListResponse(
                status: .success, statuscode: 0,
                data: ListResult(data: [ListRow(id: 1, row: ["aaa"]), ListRow(id: 2, row: ["bbb"])]))
        }
        #expect(try await Self.logins(mock) == ["aaa", "bbb"])
        #expect(mock.listStub.calls.map(\.model) == ["Subaccount"])
        #expect(mock.listStub.calls.first?.cols == ["strLogin"])
        await #expect(throws: MockError.self) { try await mock.get(model: "Subaccount", ids: [1]) }
    }

    @Test func fullArgumentCallsThroughTheProtocolReachTheStub() async throws {
        let mock = ActionAPIClientMock()
        mock.preauthStub.handler = { input in
            PreauthResponse(status: .success, statuscode: 0, data: PreauthResult(ssoType: .noSSO, twofactorType: .email, twofactorRequired: input.apiKey == "k"))
        }
        let client: any ActionAPIProtocol = mock
        // Every argument given: the call must reach the requirement, not its defaulting forwarder again.
        let full = try await client.preauth(kname: "aaa", apiKey: "k")
        let defaulted = try await client.preauth(kname: "bbb")
        #expect(full.data.twofactorRequired && !defaulted.data.twofactorRequired)
        #expect(mock.preauthStub.calls.map(\.kname) == ["aaa", "bbb"])
    }
}
