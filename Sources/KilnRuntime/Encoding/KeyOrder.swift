import Foundation

/// The order in which a value's `encode(to:)` writes its top-level keys: the declaration order of a
/// generated model. Query objects and form bodies are sent in that order, not sorted, because a
/// JSON round trip (how their values are computed) forgets it.
enum KeyOrder {
    static func of(_ value: some Encodable) -> [String] {
        // A dictionary encodes in hash order, which changes between runs: no order beats a random one.
        if (value as Any) is [String: Any] { return [] }
        let recorder = KeyRecorder()
        try? value.encode(to: recorder)
        return recorder.keys.keys
    }

    /// `keys` in the order `value` encodes them; keys it did not write (none, normally) follow, sorted.
    static func sorted(_ keys: some Collection<String>, as value: some Encodable) -> [String] {
        sorted(keys, by: of(value))
    }

    static func sorted(_ keys: some Collection<String>, by order: [String]) -> [String] {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return keys.sorted { lhs, rhs in
            switch (rank[lhs], rank[rhs]) {
            case let (left?, right?): left < right
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs < rhs
            }
        }
    }
}

/// Reference storage shared by the recorder and its containers.
private final class RecordedKeys {
    var keys: [String] = []
    func add(_ key: String) { if !keys.contains(key) { keys.append(key) } }
}

/// An encoder that only notes the top-level keys; nested values are walked into nothing.
private struct KeyRecorder: Encoder {
    let keys = RecordedKeys()
    var depth = 0
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedRecorder<Key>(keys: depth == 0 ? keys : nil))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { IgnoringContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { IgnoringContainer() }
}

private struct KeyedRecorder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    /// nil below the top level.
    let keys: RecordedKeys?
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws { keys?.add(key.stringValue) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { keys?.add(key.stringValue) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        keys?.add(key.stringValue)
        return KeyedEncodingContainer(KeyedRecorder<NestedKey>(keys: nil))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        keys?.add(key.stringValue)
        return IgnoringContainer()
    }
    mutating func superEncoder() -> any Encoder { var encoder = KeyRecorder(); encoder.depth = 1; return encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { var encoder = KeyRecorder(); encoder.depth = 1; return encoder }
}

/// Accepts and drops everything.
private struct IgnoringContainer: UnkeyedEncodingContainer, SingleValueEncodingContainer {
    var codingPath: [any CodingKey] = []
    var count = 0

    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws {}
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(KeyedRecorder<NestedKey>(keys: nil))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { IgnoringContainer() }
    mutating func superEncoder() -> any Encoder { var encoder = KeyRecorder(); encoder.depth = 1; return encoder }
}
