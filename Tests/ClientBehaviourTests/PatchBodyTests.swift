import Foundation
import IntrexxAdmin
import KilnRuntime
import KilnTestServer
import Testing

/// Intrexx patches settings: a field left out must not be sent, and a nullable field can be cleared
/// with an explicit null. PATCH bodies' optional nullable fields are `PatchValue` for that.
@Suite struct PatchBodyTests {
    @Test func absentFieldsAreNotSentAndNilSendsNull() async throws {
        try await withKilnTestServer(handler: { request in
            .json(#"{"name":"portal","description":null,"sessionTimeout":60}"#)
        }) { server in
            let intrexx = IntrexxClient(baseURL: server.baseURL)
            await intrexx.session.setToken("t")
            let settings = try await intrexx.settings.updatePortal(
                portal: "portal", PortalSettingsPatch(description: nil, sessionTimeout: 60))
            #expect(settings.sessionTimeout == 60)
            _ = try await intrexx.settings.updatePortal(portal: "portal", PortalSettingsPatch(description: "Intranet"))

            let bodies = server.requests.map(\.bodyText)
            #expect(ContractCheck.jsonDifference(Data(bodies[0].utf8), #"{"description":null,"sessionTimeout":60}"#) == nil, "\(bodies[0])")
            #expect(ContractCheck.jsonDifference(Data(bodies[1].utf8), #"{"description":"Intranet"}"#) == nil, "\(bodies[1])")
            #expect(server.requests.allSatisfy { $0.method == "PATCH" && $0.path == "/portal/settings" })
        }
    }

    @Test func decodingKeepsAbsentApartFromNull() throws {
        let decoder = JSONCoding.makeDecoder()
        let absent = try decoder.decode(PortalSettingsPatch.self, from: Data(#"{"name":"p"}"#.utf8))
        let null = try decoder.decode(PortalSettingsPatch.self, from: Data(#"{"description":null}"#.utf8))
        #expect(absent.description == .absent)
        #expect(null.description == .null)
        #expect(absent.name == "p")
    }
}
