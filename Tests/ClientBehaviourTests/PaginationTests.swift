import Foundation
import KilnRuntime
import KilnTestServer
import PEIQUsers
import PrimedocsAdmin
import Testing

/// `x-kiln-pagination` in the specs gives the generated clients `...All()` and `...Pages()` sequences;
/// here they walk three pages served by a loopback server, in each API's own paging dialect.
@Suite struct PaginationTests {
    @Test func primedocsPagesThroughPageAndPageSizeUntilTotalPages() async throws {
        // Two users per page, three pages; the server reports totalPages, so no fourth request happens.
        try await withKilnTestServer(handler: { request in
            let page = Int(request.queryValue("page") ?? "") ?? 0
            let users = (1...2).map { #"{"id":"u\#(page)-\#($0)","title":"User \#(page)-\#($0)"}"# }
            return .json(#"{"data":[\#(users.joined(separator: ","))],"pagingDetails":{"page":\#(page),"totalPages":3}}"#)
        }) { server in
            let primedocs = PrimedocsClient(baseURL: ContractCheck.baseURL(server, path: "/api/v3/ds/Admin"))
            var ids: [String] = []
            for try await user in primedocs.users.all(query: "title:\"User*\"", pageSize: 2) {
                ids.append(user.id)
            }
            #expect(ids == ["u1-1", "u1-2", "u2-1", "u2-2", "u3-1", "u3-2"])
            let requests = server.requests
            #expect(requests.map { $0.queryValue("page") } == ["1", "2", "3"])
            #expect(requests.allSatisfy { $0.queryValue("pageSize") == "2" && $0.queryValue("query") == "title:\"User*\"" })
            #expect(requests.allSatisfy { $0.path == "/api/v3/ds/Admin/Users" })
        }
    }

    @Test func peiqPagesThroughPageAndPageSizeUntilTotalPages() async throws {
        try await withKilnTestServer(handler: { request in
            let page = Int(request.queryValue("page") ?? "") ?? 0
            return .json(#"{"total_results":5,"total_pages":3,"page":\#(page),"page_size":2,"data":[{"id":"p\#(page)"}]}"#)
        }) { server in
            let peiq = PEIQClient(baseURL: ContractCheck.baseURL(server, path: "/api/v2"))
            var pages: [Int] = []
            for try await page in peiq.users.pages(enabled: true, pageSize: 2) {
                pages.append(page.page)
            }
            #expect(pages == [1, 2, 3])
            #expect(server.requests.map { $0.queryValue("page") } == ["1", "2", "3"])
            #expect(server.requests.allSatisfy { $0.queryValue("page_size") == "2" && $0.queryValue("enabled") == "true" })
        }
    }

    @Test func pagesAreFetchedOnlyWhenReached() async throws {
        try await withKilnTestServer(handler: { request in
            let page = Int(request.queryValue("page") ?? "") ?? 0
            return .json(#"{"data":[{"id":"u\#(page)","title":"t"}],"pagingDetails":{"page":\#(page),"totalPages":50}}"#)
        }) { server in
            let primedocs = PrimedocsClient(baseURL: ContractCheck.baseURL(server, path: ""))
            var iterator = primedocs.users.all(pageSize: 1).makeAsyncIterator()
            let first = try await iterator.next()
            let second = try await iterator.next()
            #expect(first?.id == "u1")
            #expect(second?.id == "u2")
            #expect(server.requests.count == 2, "a lazy sequence must not prefetch the other 48 pages")
        }
    }
}
