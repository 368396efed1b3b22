/// A string-keyed map that keeps the order of the spec, so generated code follows the author's order
/// and output is deterministic.
public struct OrderedMap<Value: Sendable>: Sendable, Sequence {
    public private(set) var keys: [String] = []
    public private(set) var values: [Value] = []
    private var indices: [String: Int] = [:]

    public init() {}

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public var first: (key: String, value: Value)? {
        keys.first.map { ($0, values[0]) }
    }

    public subscript(key: String) -> Value? {
        get { indices[key].map { values[$0] } }
        set {
            if let index = indices[key] {
                if let newValue {
                    values[index] = newValue
                } else {
                    remove(at: index)
                }
            } else if let newValue {
                indices[key] = keys.count
                keys.append(key)
                values.append(newValue)
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

    private mutating func remove(at index: Int) {
        indices[keys[index]] = nil
        keys.remove(at: index)
        values.remove(at: index)
        for position in index..<keys.count { indices[keys[position]] = position }
    }
}
