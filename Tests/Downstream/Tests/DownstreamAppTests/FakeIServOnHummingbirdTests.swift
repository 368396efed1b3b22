import DownstreamApp
import Foundation
import Hummingbird
import IServ
import IServServer
import KilnHummingbird
import KilnRuntime
import Testing

/// The same fake IServ, served by the app's own Hummingbird application through KilnHummingbird (on
/// 127.0.0.1, HummingbirdHost.swift is KilnHummingbirdTests' host), listed with the real client.
@Suite(.timeLimit(.minutes(1)))
struct FakeIServOnHummingbirdTests {
    @Test func theRealClientListsTheFakesGroupsThroughHummingbird() async throws {
        let router = Router()
        router.addRoutes(IServServer(handler: FakeIServ(groups: FakeIServTests.groups, password: "secret").handler).router)
        try await withHummingbird(router) { url in
            let iserv = IServClient(baseURL: url, middlewares: [IServClient.basicAuth(username: "admin", password: "secret")])
            // A `try` outside the macros, so the closure is inferred to throw.
            let groups = try await iserv.groups.list()
            #expect(groups == FakeIServTests.groups)
            #expect(try await GroupDirectory(iserv: iserv).groupCount() == 2)

            let intruder = IServClient(baseURL: url, middlewares: [IServClient.basicAuth(username: "admin", password: "guess")])
            await #expect(throws: APIError.self) { try await intruder.groups.list() }
            let error = await #expect(throws: APIError.self) { try await iserv.users.list() }
            #expect(error?.status == 501)
        }
    }
}
