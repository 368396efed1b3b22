import Foundation
import KilnRuntime

/// Decodes generated types from parameter text: numbers, booleans, dates (RFC 3339), UUIDs, base64
/// data and enums from their text, arrays from lists, objects from fields. A structure sent as JSON
/// text inside a field is read as JSON.
struct TextNodeDecoder: Decoder {
    let node: TextNode
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch node.parsedJSON ?? node {
        case .object(let fields): return KeyedDecodingContainer(KeyedContainer<Key>(fields: fields, codingPath: codingPath))
        default: throw mismatch("an object")
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch node.parsedJSON ?? node {
        case .list(let items): return UnkeyedContainer(items: items, codingPath: codingPath)
        case .text(""): return UnkeyedContainer(items: [], codingPath: codingPath)
        // One value where a list is expected: a list of one (`tag=a` for `tags`).
        case let single: return UnkeyedContainer(items: [single], codingPath: codingPath)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValue(node: node, codingPath: codingPath) }

    func mismatch(_ expected: String) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(expected), got \(node.summary)"))
    }

    /// Values whose own `Decodable` would read them wrongly from text (Date reads a number, Data an array).
    static func decodeSpecial<T: Decodable>(_ type: T.Type, from node: TextNode, codingPath: [any CodingKey]) throws -> T? {
        func text() throws -> String {
            guard case .text(let text) = node else {
                throw DecodingError.typeMismatch(T.self, .init(codingPath: codingPath, debugDescription: "expected text, got \(node.summary)"))
            }
            return text
        }
        if type == Date.self {
            let value = try text()
            guard let date = ISO8601DateTime.date(from: value) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "expected an RFC 3339 date-time, got '\(value)'"))
            }
            return date as? T
        }
        if type == Data.self {
            let value = try text()
            guard let data = Data(base64Encoded: value) else {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "expected base64, got '\(value)'"))
            }
            return data as? T
        }
        return nil
    }

    static func decode<T: Decodable>(_ type: T.Type, from node: TextNode, codingPath: [any CodingKey]) throws -> T {
        if let special = try decodeSpecial(type, from: node, codingPath: codingPath) { return special }
        return try T(from: TextNodeDecoder(node: node, codingPath: codingPath))
    }
}

extension TextNode {
    var summary: String {
        switch self {
        case .text(let text): "'\(text.count > 80 ? text.prefix(80) + "…" : text)'"
        case .list(let items): "a list of \(items.count)"
        case .object: "an object"
        case .null: "null"
        }
    }
}

private struct SingleValue: SingleValueDecodingContainer {
    let node: TextNode
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool { node == .null }

    private func text<T>(_ type: T.Type, _ expected: String) throws -> String {
        switch node {
        case .text(let text): return text
        case .list(let items) where items.count == 1:
            return try SingleValue(node: items[0], codingPath: codingPath).text(type, expected)
        default:
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(expected), got \(node.summary)"))
        }
    }

    private func parse<T>(_ type: T.Type, _ expected: String, _ convert: (String) -> T?) throws -> T {
        let value = try text(type, expected)
        guard let parsed = convert(value) else {
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "expected \(expected), got '\(value)'"))
        }
        return parsed
    }

    func decode(_ type: Bool.Type) throws -> Bool { try parse(type, "true or false") { ["true": true, "false": false][$0] } }
    func decode(_ type: String.Type) throws -> String { try text(type, "text") }
    func decode(_ type: Double.Type) throws -> Double { try parse(type, "a number", Double.init) }
    func decode(_ type: Float.Type) throws -> Float { try parse(type, "a number", Float.init) }
    func decode(_ type: Int.Type) throws -> Int { try parse(type, "an integer", integer) }
    func decode(_ type: Int8.Type) throws -> Int8 { try parse(type, "an integer", integer) }
    func decode(_ type: Int16.Type) throws -> Int16 { try parse(type, "an integer", integer) }
    func decode(_ type: Int32.Type) throws -> Int32 { try parse(type, "an integer", integer) }
    func decode(_ type: Int64.Type) throws -> Int64 { try parse(type, "an integer", integer) }
    func decode(_ type: UInt.Type) throws -> UInt { try parse(type, "an integer", integer) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try parse(type, "an integer", integer) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try parse(type, "an integer", integer) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try parse(type, "an integer", integer) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try parse(type, "an integer", integer) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try TextNodeDecoder.decode(type, from: node, codingPath: codingPath) }

    /// `5` and also `5.0`, which number formatters in other languages print for integral values.
    private func integer<T: FixedWidthInteger>(_ text: String) -> T? {
        if let value = T(text) { return value }
        guard let double = Double(text), double.rounded() == double else { return nil }
        return T(exactly: double)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let fields: [TextNode.Field]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { fields.compactMap { Key(stringValue: $0.name) } }

    func contains(_ key: Key) -> Bool { fields.contains { $0.name == key.stringValue } }

    private func node(_ key: Key) throws -> TextNode {
        guard let field = fields.first(where: { $0.name == key.stringValue }) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no field '\(key.stringValue)'"))
        }
        return field.value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try node(key) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try TextNodeDecoder.decode(type, from: node(key), codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try TextNodeDecoder(node: node(key), codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TextNodeDecoder(node: node(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { TextNodeDecoder(node: .object(fields), codingPath: codingPath) }
    func superDecoder(forKey key: Key) throws -> any Decoder { TextNodeDecoder(node: try node(key), codingPath: codingPath + [key]) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let items: [TextNode]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(items: [TextNode], codingPath: [any CodingKey]) {
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    private mutating func next() throws -> (TextNode, [any CodingKey]) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the list has only \(items.count) items"))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [Index(currentIndex)])
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, path) = try next()
        return try TextNodeDecoder.decode(type, from: node, codingPath: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let (node, path) = try next()
        return try TextNodeDecoder(node: node, codingPath: path).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (node, path) = try next()
        return try TextNodeDecoder(node: node, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, path) = try next()
        return TextNodeDecoder(node: node, codingPath: path)
    }
}
