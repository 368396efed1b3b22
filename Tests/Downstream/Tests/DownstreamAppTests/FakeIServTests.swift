import DownstreamApp
import Foundation
import IServ
import IServServer
import KilnRuntime
import KilnTestServer
import Testing

/// An app's own integration test: a fake IServ on the generated server, on loopback, and the real
/// client listing its groups through URLSession.
@Suite struct FakeIServTests {
    static let groups = [Group(id: "17", name: "Class 7b", account: "class.7b"), Group(id: "18", name: "Staff", account: "staff")]

    @Test func theRealClientListsTheFakesGroups() async throws {
        try await withHostedServer(IServServer(handler: FakeIServ(groups: Self.groups, password: "secret").handler)) { server in
            let iserv = IServClient(baseURL: server.url, middlewares: [IServClient.basicAuth(username: "admin", password: "secret")])
            let groups = try await iserv.groups.list()
            #expect(groups == Self.groups)
            #expect(try await GroupDirectory(iserv: iserv).groupCount() == 2)

            // The fake checks the credentials as IServ would, with a documented status.
            let intruder = IServClient(baseURL: server.url, middlewares: [IServClient.basicAuth(username: "admin", password: "guess")])
            await #expect(throws: APIError.self) { try await intruder.groups.list() }
            // An operation the fake does not implement answers 501.
            let error = await #expect(throws: APIError.self) { try await iserv.users.list() }
            #expect(error?.status == 501)
        }
    }
}

/// What the app's tests need of IServ: its groups, behind a password.
struct FakeIServ {
    var groups: [Group]
    var password: String

    var handler: IServStubHandler {
        var handler = IServStubHandler()
        handler.listGroupsStub = { [groups, password] input in
            input.credentials.basic?.password == password ? .ok(groups) : .badRequest()
        }
        return handler
    }
}
