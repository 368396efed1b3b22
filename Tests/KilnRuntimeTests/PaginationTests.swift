import Foundation
import Testing
import KilnRuntime
import KilnTestServer

@Suite struct PaginationTests {
    static let allItems = Array(1...7)

    struct NumberedPage: Decodable, Sendable { var items: [Int]; var totalPages: Int? }
    struct SnakePage: Decodable, Sendable { var data: [Int]; var total_pages: Int }
    struct OffsetPage: Decodable, Sendable { var results: [Int]; var total: Int }

    /// Items `offset..<offset+size` of `allItems` (1-based page numbers unless stated).
    static func slice(offset: Int, size: Int) -> [Int] {
        Array(allItems.dropFirst(offset).prefix(size))
    }

    static func json(_ items: [Int]) -> String {
        "[" + items.map(String.init).joined(separator: ",") + "]"
    }

    private func fetch<Page: Decodable & Sendable>(_ type: Page.Type, core: APIClientCore, query: QueryItems) async throws -> Page {
        let response = try await core.send(HTTPRequest(path: "/items", query: query), operationID: "items.list")
        guard response.isSuccess else { throw core.apiError(for: response, operationID: "items.list") }
        return try core.decodeJSON(type, from: response, operationID: "items.list")
    }

    @Test func pageNumberAndPageSizeWithTotalPages() async throws {
        try await withKilnTestServer(handler: { request in
            let page = Int(request.queryValue("pageNumber") ?? "") ?? 0
            let size = Int(request.queryValue("pageSize") ?? "") ?? 0
            return .json(#"{"items":\#(Self.json(Self.slice(offset: (page - 1) * size, size: size))),"totalPages":3}"#)
        }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let pages = PageSequence.pageNumbered(pageSize: 3, fetch: { request in
                try await fetch(NumberedPage.self, core: core, query: ["pageNumber": "\(request.page)", "pageSize": "\(request.pageSize)"])
            }, itemCount: { $0.items.count }, totalPages: { $0.totalPages })
            var collected: [Int] = []
            for try await item in pages.items({ $0.items }) { collected.append(item) }
            #expect(collected == Self.allItems)
            #expect(server.requests.map { $0.query ?? "" } == ["pageNumber=1&pageSize=3", "pageNumber=2&pageSize=3", "pageNumber=3&pageSize=3"])
        }
    }

    @Test func pageAndSnakeCasePageSizeWithTotalPagesZeroBased() async throws {
        try await withKilnTestServer(handler: { request in
            let page = Int(request.queryValue("page") ?? "") ?? 0
            let size = Int(request.queryValue("page_size") ?? "") ?? 0
            return .json(#"{"data":\#(Self.json(Self.slice(offset: page * size, size: size))),"total_pages":3}"#)
        }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let pages = PageSequence.pageNumbered(firstPage: 0, pageSize: 3, fetch: { request in
                try await fetch(SnakePage.self, core: core, query: ["page": "\(request.page)", "page_size": "\(request.pageSize)"])
            }, itemCount: { $0.data.count }, totalPages: { $0.total_pages })
            var pageSizes: [Int] = []
            for try await page in pages { pageSizes.append(page.data.count) }
            #expect(pageSizes == [3, 3, 1])
            #expect(server.requests.compactMap { $0.queryValue("page") } == ["0", "1", "2"])
        }
    }

    @Test func limitAndOffsetWithTotal() async throws {
        try await withKilnTestServer(handler: { request in
            let offset = Int(request.queryValue("offset") ?? "") ?? 0
            let limit = Int(request.queryValue("limit") ?? "") ?? 0
            return .json(#"{"results":\#(Self.json(Self.slice(offset: offset, size: limit))),"total":7}"#)
        }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let pages = PageSequence.offsetBased(limit: 3, fetch: { request in
                try await fetch(OffsetPage.self, core: core, query: ["limit": "\(request.limit)", "offset": "\(request.offset)"])
            }, itemCount: { $0.results.count }, total: { $0.total })
            var collected: [Int] = []
            for try await item in pages.items({ $0.results }) { collected.append(item) }
            #expect(collected == Self.allItems)
            #expect(server.requests.compactMap { $0.queryValue("offset") } == ["0", "3", "6"])
        }
    }

    @Test func stopsOnAnEmptyPageWhenNoTotalIsGiven() async throws {
        try await withKilnTestServer(handler: { request in
            let page = Int(request.queryValue("page") ?? "") ?? 0
            return .json(#"{"items":\#(Self.json(page <= 2 ? [page * 10, page * 10 + 1] : []))}"#)
        }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let pages = PageSequence.pageNumbered(pageSize: 2, fetch: { request in
                try await fetch(NumberedPage.self, core: core, query: ["page": "\(request.page)"])
            }, itemCount: { $0.items.count }, totalPages: { $0.totalPages })
            var collected: [Int] = []
            for try await item in pages.items({ $0.items }) { collected.append(item) }
            #expect(collected == [10, 11, 20, 21])
            #expect(server.requests.count == 3)
        }
    }

    @Test func fetchesLazily() async throws {
        try await withKilnTestServer(handler: { _ in .json(#"{"items":[1,2,3],"totalPages":100}"#) }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let pages = PageSequence.pageNumbered(pageSize: 3, fetch: { request in
                try await fetch(NumberedPage.self, core: core, query: ["page": "\(request.page)"])
            }, itemCount: { $0.items.count }, totalPages: { $0.totalPages })
            var first: [Int] = []
            for try await item in pages.items({ $0.items }) {
                first.append(item)
                if first.count == 2 { break }
            }
            #expect(first == [1, 2])
            #expect(server.requests.count == 1)
        }
    }

    @Test func errorsEndIterationByThrowing() async throws {
        try await withKilnTestServer(handler: { request in
            request.queryValue("page") == "1" ? .json(#"{"items":[1],"totalPages":3}"#) : .text("down", status: 500)
        }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let pages = PageSequence.pageNumbered(pageSize: 1, fetch: { request in
                try await fetch(NumberedPage.self, core: core, query: ["page": "\(request.page)"])
            }, itemCount: { $0.items.count }, totalPages: { $0.totalPages })
            var collected: [Int] = []
            let error = await #expect(throws: APIError.self) {
                for try await item in pages.items({ $0.items }) { collected.append(item) }
            }
            #expect(error?.status == 500)
            #expect(collected == [1])
        }
    }

    @Test func offsetAdvancesByItemsReceivedWhenTheServerCapsTheLimit() async throws {
        let offsets = Collector<Int>()
        let pages = PageSequence.offsetBased(limit: 10, fetch: { request in
            offsets.append(request.offset)
            return Self.slice(offset: request.offset, size: 3) // server caps at 3
        }, itemCount: { $0.count }, total: { _ in 7 })
        var count = 0
        for try await page in pages { count += page.count }
        #expect(count == 7)
        #expect(offsets.values == [0, 3, 6])
    }

    @Test func cursorBased() async throws {
        let cursors = Collector<String?>()
        let pages = PageSequence.cursorBased(pageSize: 2, fetch: { request in
            cursors.append(request.cursor)
            switch request.cursor {
            case nil: return (items: [1, 2], next: "c2" as String?)
            case "c2": return (items: [3, 4], next: "c3")
            default: return (items: [5], next: nil)
            }
        }, itemCount: { $0.items.count }, nextCursor: { $0.next })
        var collected: [Int] = []
        for try await item in pages.items({ $0.items }) { collected.append(item) }
        #expect(collected == [1, 2, 3, 4, 5])
        #expect(cursors.values == [nil, "c2", "c3"])
    }
}
