/// Ready-made sequences for the common pagination schemes.
extension PageSequence {
    /// `page` + `pageSize` (or `page` + `page_size`) with a total page count in the response.
    ///
    /// Stops after page `firstPage + totalPages - 1`, or on an empty page (also when the total
    /// is unknown).
    public static func pageNumbered(
        firstPage: Int = 1,
        pageSize: Int,
        fetch: @escaping @Sendable (PageRequest) async throws -> Page,
        itemCount: @escaping @Sendable (Page) -> Int,
        totalPages: @escaping @Sendable (Page) -> Int?
    ) -> PageSequence {
        PageSequence(
            firstRequest: PageRequest(page: firstPage, pageSize: pageSize, offset: 0),
            fetch: fetch,
            nextRequest: { page, request in
                if let total = totalPages(page), request.page - firstPage + 1 >= total { return nil }
                return PageRequest(page: request.page + 1, pageSize: pageSize, offset: request.offset + itemCount(page))
            },
            isEmpty: { itemCount($0) == 0 }
        )
    }

    /// `limit` + `offset` with a total item count in the response.
    ///
    /// The next offset advances by the items actually received (servers may cap `limit`).
    /// Stops once `offset` reaches `total`, or on an empty page.
    public static func offsetBased(
        limit: Int,
        startOffset: Int = 0,
        fetch: @escaping @Sendable (PageRequest) async throws -> Page,
        itemCount: @escaping @Sendable (Page) -> Int,
        total: @escaping @Sendable (Page) -> Int?
    ) -> PageSequence {
        PageSequence(
            firstRequest: PageRequest(page: startOffset / Swift.max(limit, 1) + 1, pageSize: limit, offset: startOffset),
            fetch: fetch,
            nextRequest: { page, request in
                let nextOffset = request.offset + itemCount(page)
                if let total = total(page), nextOffset >= total { return nil }
                return PageRequest(page: request.page + 1, pageSize: limit, offset: nextOffset)
            },
            isEmpty: { itemCount($0) == 0 }
        )
    }

    /// Cursor-based: `nextCursor` returns the token for the following page, nil at the end.
    public static func cursorBased(
        pageSize: Int,
        fetch: @escaping @Sendable (PageRequest) async throws -> Page,
        itemCount: @escaping @Sendable (Page) -> Int,
        nextCursor: @escaping @Sendable (Page) -> String?
    ) -> PageSequence {
        PageSequence(
            firstRequest: PageRequest(page: 1, pageSize: pageSize),
            fetch: fetch,
            nextRequest: { page, request in
                guard let cursor = nextCursor(page) else { return nil }
                return PageRequest(page: request.page + 1, pageSize: pageSize, offset: request.offset + itemCount(page), cursor: cursor)
            },
            isEmpty: { itemCount($0) == 0 }
        )
    }
}
