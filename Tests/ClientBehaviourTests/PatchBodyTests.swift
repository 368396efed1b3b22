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

            // Strict keys: fails for a client that drops the explicit null, and for one that sends null
            // for every field left out (sessionTimeout in the second call).
            let bodies = server.requests.map(\.body)
            try #require(bodies.count == 2)
            #expect(ContractCheck.jsonDifference(bodies[0], #"{"description":null,"sessionTimeout":60}"#) == nil, "\(server.requests[0].bodyText)")
            #expect(ContractCheck.jsonDifference(bodies[1], #"{"description":"Intranet"}"#) == nil, "\(server.requests[1].bodyText)")
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
