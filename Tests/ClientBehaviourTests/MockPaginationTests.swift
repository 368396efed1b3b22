import KilnRuntime
import PrimedocsAdmin
import PrimedocsAdminMocks
import Testing

/// Page sequences live on the group protocols, so an app's tests page through the generated mock
/// exactly as through the real client.
@Suite struct MockPaginationTests {
    @Test func allWalksTheMockedPages() async throws {
        let mock = PrimedocsClientMock()
        mock.users.listStub.handler = { arguments in
            let page = Int32(arguments.page ?? 0)
            let users = [User(id: "u\(page)", title: "User \(page)")]
            return UserPage(data: users, pagingDetails: PagingDetails(page: page, totalPages: 3))
        }
        var ids: [String] = []
        for try await user in mock.users.all(query: "title:U*", pageSize: 10) { ids.append(user.id) }
        #expect(ids == ["u1", "u2", "u3"])
        #expect(mock.users.listStub.calls.map(\.page) == [1, 2, 3])
        #expect(mock.users.listStub.calls.allSatisfy { $0.pageSize == 10 && $0.query == "title:U*" })
    }
}
