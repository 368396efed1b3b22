/// Pages fetched lazily, one request per iteration step.
///
/// Iteration ends when `nextRequest` returns nil or a fetched page is empty (an empty page is
/// not yielded). Errors from `fetch` end iteration by being thrown.
public struct PageSequence<Page: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page

    private let firstRequest: PageRequest
    private let fetch: @Sendable (PageRequest) async throws -> Page
    private let nextRequest: @Sendable (Page, PageRequest) -> PageRequest?
    private let isEmpty: @Sendable (Page) -> Bool

    /// - Parameters:
    ///   - fetch: loads one page, typically by calling a generated operation.
    ///   - nextRequest: the request after `page`, or nil if `page` was the last.
    ///   - isEmpty: whether a page has no items (ends iteration).
    public init(
        firstRequest: PageRequest,
        fetch: @escaping @Sendable (PageRequest) async throws -> Page,
        nextRequest: @escaping @Sendable (Page, PageRequest) -> PageRequest?,
        isEmpty: @escaping @Sendable (Page) -> Bool
    ) {
        self.firstRequest = firstRequest
        self.fetch = fetch
        self.nextRequest = nextRequest
        self.isEmpty = isEmpty
    }

    /// Fetches the next page on demand.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let sequence: PageSequence
        private var pending: PageRequest?

        init(sequence: PageSequence) {
            self.sequence = sequence
            self.pending = sequence.firstRequest
        }

        public mutating func next() async throws -> Page? {
            guard let request = pending else { return nil }
            pending = nil
            let page = try await sequence.fetch(request)
            guard !sequence.isEmpty(page) else { return nil }
            pending = sequence.nextRequest(page, request)
            return page
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self)
    }

    /// The items of all pages, in order.
    public func items<Item>(_ extract: @escaping @Sendable (Page) -> [Item]) -> PageItemSequence<Page, Item> {
        PageItemSequence(pages: self, extract: extract)
    }
}

/// Flattens a `PageSequence` into its items.
public struct PageItemSequence<Page: Sendable, Item>: AsyncSequence, Sendable {
    public typealias Element = Item

    let pages: PageSequence<Page>
    let extract: @Sendable (Page) -> [Item]

    /// Fetches the next page on demand.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: PageSequence<Page>.AsyncIterator
        let extract: @Sendable (Page) -> [Item]
        var buffer: [Item] = []
        var index = 0

        public mutating func next() async throws -> Item? {
            while index == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = extract(page)
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator(), extract: extract)
    }
}
