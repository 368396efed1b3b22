import DownstreamApp
import IServ
import IServMocks
import KilnRuntime
@testable import PeopleClient
import Testing

/// An app's tests without a server: IServ's mock from the IServMocks product, and the app's own internal
/// PeopleClient's mock, which the plugin generates into this test target (`@testable import`).
@Suite struct MockedClientTests {
    @Test func theDirectoryRunsOnIServsMock() async throws {
        let mock = IServClientMock()
        mock.groups.listStub.handler = { _ in [Group(id: "1", name: "Staff", account: "staff")] }
        mock.users.listStub.handler = { _ in
            [User(id: "1", username: "ada", status: .active), User(id: "2", username: "bob", status: .inactive)]
        }
        let directory = GroupDirectory(iserv: mock)
        #expect(try await directory.groupCount() == 1)
        #expect(try await directory.activeUserNames() == ["ada"])
        #expect(mock.groups.listStub.calls.count == 1)
    }

    @Test func theAppsInternalClientHasAMockInItsTests() async throws {
        let mock = PeopleClientMock()
        mock.users.getStub.handler = { id in User(id: id, firstName: "Ada") }
        let user = try await mock.users.get(userId: "7")
        #expect(user.id == "7" && user.firstName == "Ada")
        #expect(mock.users.getStub.calls == ["7"])
        await #expect(throws: MockError.self) { try await mock.groups.list() }
    }
}
