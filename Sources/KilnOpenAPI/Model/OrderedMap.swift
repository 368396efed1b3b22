/// A string-keyed map that keeps the order of the spec, so generated code follows the author's order
/// and output is deterministic.
public struct OrderedMap<Value: Sendable>: Sendable, Sequence {
    public private(set) var keys: [String] = []
    public private(set) var values: [Value] = []
    /// Key -> position, kept only above `linearLimit` entries: most maps of a spec (a schema's properties,
    /// an operation's responses) are small, and a dictionary each cost more memory than they hold.
    private var indices: [String: Int] = [:]
    private static var linearLimit: Int { 8 }

    public init() {}

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public var first: (key: String, value: Value)? {
        keys.first.map { ($0, values[0]) }
    }

    public subscript(key: String) -> Value? {
        get { index(of: key).map { values[$0] } }
        set {
            if let index = index(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if keys.count > Self.linearLimit { indexKeys(from: indices.isEmpty ? 0 : keys.count - 1) }
            }
        }
    }

    public func makeIterator() -> AnyIterator<(key: String, value: Value)> {
        var position = 0
        return AnyIterator {
            guard position < keys.count else { return nil }
            defer { position += 1 }
            return (keys[position], values[position])
        }
    }

    public func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> OrderedMap<T> {
        var result = OrderedMap<T>()
        for (key, value) in self { result[key] = try transform(value) }
        return result
    }

    private func index(of key: String) -> Int? {
        keys.count > Self.linearLimit ? indices[key] : keys.firstIndex(of: key)
    }

    /// Records the positions of the keys from `start` on.
    private mutating func indexKeys(from start: Int) {
        for position in start..<keys.count { indices[keys[position]] = position }
    }

    private mutating func remove(at index: Int) {
        indices[keys[index]] = nil
        keys.remove(at: index)
        values.remove(at: index)
        if keys.count > Self.linearLimit {
            indexKeys(from: index)
        } else {
            indices = [:]
        }
    }
}
