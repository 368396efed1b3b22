import Foundation
import KilnTestServer
import PEIQUsers
import Testing

/// `list(filter:)` must send exactly what the generated `list(...)` sends for the same filters.
@Suite struct PEIQUserFilterTests {
    private static let emptyPage = #"{"total_results":7,"total_pages":1,"page":2,"page_size":5,"data":[]}"#

    @Test func everyFilterBecomesItsQueryItem() async throws {
        let filter = PEIQUserFilter(
            firstName: "Max", lastName: "Muster mann", email: "max@mustermann.de",
            updatedSince: Date(timeIntervalSince1970: 1_700_000_000),
            registrationDateFrom: Date(timeIntervalSince1970: 0), registrationDateTo: Date(timeIntervalSince1970: 86_400),
            enabled: true, locked: false, lockState: .pendingApproval, tags: ["Tagger", "I'm a Tag"], userIds: ["1", "42"])
        try await withKilnTestServer(handler: { _ in .json(Self.emptyPage) }) { server in
            let peiq = PEIQClient(baseURL: ContractCheck.baseURL(server, path: "/api/v2"))
            let list = try await peiq.users.list(filter: filter, page: 2, pageSize: 5)
            #expect(list.totalResults == 7)
            let request = try #require(server.requests.first)
            #expect(request.path == "/api/v2/users")
            #expect(request.queryItems.map { "\($0.name)=\($0.value)" } == [
                "first_name=Max", "last_name=Muster mann", "email=max@mustermann.de",
                "updated_since=2023-11-14T22:13:20Z",
                "registration_date_from=1970-01-01T00:00:00Z", "registration_date_to=1970-01-02T00:00:00Z",
                "enabled=true", "locked=false", "lock_state=pending_approval",
                "tags=Tagger,I'm a Tag", "user_ids=1,42", "page=2", "page_size=5",
            ])
        }
    }

    @Test func unsetFiltersAreNotSent() async throws {
        try await withKilnTestServer(handler: { _ in .json(Self.emptyPage) }) { server in
            let peiq = PEIQClient(baseURL: ContractCheck.baseURL(server, path: ""))
            _ = try await peiq.users.list(filter: PEIQUserFilter(lockState: .none_))
            #expect(server.requests.first?.query == "lock_state=none")
        }
    }

    @Test func filterIsAValue() {
        var filter = PEIQUserFilter(enabled: true)
        #expect(filter == PEIQUserFilter(enabled: true))
        filter.enabled = false
        #expect(filter != PEIQUserFilter(enabled: true))
    }
}
