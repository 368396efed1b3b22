/// One query parameter, stored percent-encoded so styled values (whose delimiters such as `,`
/// must stay literal) pass through URL building untouched.
public struct QueryItem: Hashable, Sendable {
    /// The name exactly as it appears in the URL.
    public var percentEncodedName: String
    /// The value exactly as it appears in the URL.
    public var percentEncodedValue: String

    /// Encodes raw `name` and `value`, keeping only RFC 3986 unreserved characters (`+` becomes `%2B`).
    public init(name: String, value: String) {
        self.percentEncodedName = PercentEncoding.encode(name)
        self.percentEncodedValue = PercentEncoding.encode(value)
    }

    /// Uses already-encoded text verbatim (as produced by `QueryEncoder`).
    public init(percentEncodedName: String, percentEncodedValue: String) {
        self.percentEncodedName = percentEncodedName
        self.percentEncodedValue = percentEncodedValue
    }

    /// The decoded name.
    public var name: String { PercentEncoding.decode(percentEncodedName) ?? percentEncodedName }
    /// The decoded value (styled values keep their delimiters).
    public var value: String { PercentEncoding.decode(percentEncodedValue) ?? percentEncodedValue }
}

/// Ordered query parameters; names may repeat.
public struct QueryItems: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    /// The items in URL order.
    public var items: [QueryItem]

    /// Items in the given order.
    public init(_ items: [QueryItem] = []) {
        self.items = items
    }

    /// `["page": "2", "tag": "a", "tag": "b"]`: raw values, literal order, duplicates kept.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.items = elements.map { QueryItem(name: $0.0, value: $0.1) }
    }

    public init(arrayLiteral elements: QueryItem...) {
        self.items = elements
    }

    /// Parses `a=1&b=2` (without `?`), keeping the encoded text as is.
    public init(percentEncodedQuery: String) {
        self.items = percentEncodedQuery.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return QueryItem(percentEncodedName: String(parts[0]), percentEncodedValue: parts.count > 1 ? String(parts[1]) : "")
        }
    }

    /// Appends a raw name/value pair, percent-encoding both.
    public mutating func append(_ name: String, _ value: String) {
        items.append(QueryItem(name: name, value: value))
    }

    /// Appends an item as is (e.g. one produced by `QueryEncoder`).
    public mutating func append(_ item: QueryItem) {
        items.append(item)
    }

    /// Appends several items as is.
    public mutating func append(contentsOf other: some Sequence<QueryItem>) {
        items.append(contentsOf: other)
    }

    /// The first decoded value for `name`.
    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// All decoded values for `name`.
    public func values(for name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    /// `a=1&b=2`, ready to follow `?`.
    public var percentEncodedQuery: String {
        items.map { "\($0.percentEncodedName)=\($0.percentEncodedValue)" }.joined(separator: "&")
    }

    public var isEmpty: Bool { items.isEmpty }

    public func makeIterator() -> IndexingIterator<[QueryItem]> {
        items.makeIterator()
    }
}
