/// Which page to fetch. Fields cover the common schemes; a fetch closure reads the ones its
/// API uses (`page`/`pageSize`, `offset`/`limit`, or `cursor`).
public struct PageRequest: Hashable, Sendable {
    /// Page number in the API's own numbering (0- or 1-based).
    public var page: Int
    /// Items per page (the `limit`).
    public var pageSize: Int
    /// Index of the first item of this page.
    public var offset: Int
    /// Opaque continuation token for cursor-based APIs.
    public var cursor: String?

    /// A request for one page.
    public init(page: Int = 1, pageSize: Int, offset: Int = 0, cursor: String? = nil) {
        self.page = page
        self.pageSize = pageSize
        self.offset = offset
        self.cursor = cursor
    }

    /// Same as `pageSize`, for limit/offset APIs.
    public var limit: Int { pageSize }
}
