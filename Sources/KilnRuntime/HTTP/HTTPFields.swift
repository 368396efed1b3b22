/// One header field. The name keeps its original spelling; comparisons ignore case.
public struct HTTPField: Hashable, Sendable {
    /// Name, as sent.
    public var name: String
    /// Value, as sent.
    public var value: String

    /// A field as it will be sent.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Ordered HTTP header fields with case-insensitive lookup and repeated names.
public struct HTTPFields: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// The fields in the order they will be sent / were received.
    public private(set) var fields: [HTTPField]

    /// Fields in the given order.
    public init(_ fields: [HTTPField] = []) {
        self.fields = fields
    }

    /// Keeps literal order and duplicates: `["Accept": "a", "Accept": "b"]` sends both.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { HTTPField(name: $0.0, value: $0.1) }
    }

    /// The first value for `name`; setting replaces every field of that name (nil removes them).
    public subscript(name: String) -> String? {
        get { fields.first { Self.matches($0.name, name) }?.value }
        set {
            guard let newValue else {
                removeAll(named: name)
                return
            }
            guard let first = fields.firstIndex(where: { Self.matches($0.name, name) }) else {
                fields.append(HTTPField(name: name, value: newValue))
                return
            }
            fields[first].value = newValue
            fields = fields.enumerated()
                .filter { $0.offset == first || !Self.matches($0.element.name, name) }
                .map(\.element)
        }
    }

    /// Every value for `name`, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.matches($0.name, name) }.map(\.value)
    }

    /// Whether a field named `name` exists, ignoring case.
    public func contains(_ name: String) -> Bool {
        fields.contains { Self.matches($0.name, name) }
    }

    /// Adds a field without touching existing fields of the same name.
    public mutating func append(name: String, value: String) {
        fields.append(HTTPField(name: name, value: value))
    }

    /// Removes every field named `name`.
    public mutating func removeAll(named name: String) {
        fields.removeAll { Self.matches($0.name, name) }
    }

    /// Adds the fields of `other` whose names are not present here (used for default headers).
    public mutating func addMissing(from other: HTTPFields) {
        for field in other.fields where !contains(field.name) {
            fields.append(field)
        }
    }

    public var isEmpty: Bool { fields.isEmpty }
    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[HTTPField]> {
        fields.makeIterator()
    }

    public var description: String {
        fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    /// ASCII case-insensitive comparison; header names are ASCII tokens.
    static func matches(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && lhs.lowercased() == rhs.lowercased()
    }
}

/// Alias for readers who think of them as headers.
public typealias HTTPHeaders = HTTPFields
