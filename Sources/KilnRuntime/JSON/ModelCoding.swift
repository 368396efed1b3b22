import Foundation

/// The coding key of generated models: a wire name. Generated structs write their `init(from:)`,
/// `encode(to:)` and `==` out with these helpers instead of a `CodingKeys` enum per model and the
/// synthesized conformances: a `String, CodingKey` enum per model costs a dozen synthesized members and
/// witness tables, and synthesized bodies call `decodeIfPresent`/`encodeIfPresent`/`==`, whose many
/// overloads the type checker tries at every property. Together they were a third of the debug compile
/// of Twilio's models. The helpers have one overload each, so a call type-checks at once.
public struct ModelKey: CodingKey, Sendable {
    public let stringValue: String
    public init(_ stringValue: String) { self.stringValue = stringValue }
    public init?(stringValue: String) { self.stringValue = stringValue }
    public var intValue: Int? { nil }
    public init?(intValue: Int) { nil }
}

extension Decoder {
    /// The keyed container a generated model decodes its properties from.
    public func modelContainer() throws -> KeyedDecodingContainer<ModelKey> {
        try container(keyedBy: ModelKey.self)
    }
}

extension Encoder {
    /// The keyed container a generated model encodes its properties into.
    public func modelContainer() -> KeyedEncodingContainer<ModelKey> {
        container(keyedBy: ModelKey.self)
    }
}

extension KeyedDecodingContainer where K == ModelKey {
    /// A required property: the key must be present (`decode`).
    public func field<T: Decodable>(_ key: String) throws -> T {
        try decode(T.self, forKey: ModelKey(key))
    }

    /// An optional property: nil when the key is missing or null (`decodeIfPresent`).
    public func optionalField<T: Decodable>(_ key: String) throws -> T? {
        try decodeIfPresent(T.self, forKey: ModelKey(key))
    }
}

extension KeyedEncodingContainer where K == ModelKey {
    /// Always written, `null` for a nil optional (`encode`).
    public mutating func field<T: Encodable>(_ value: T, _ key: String) throws {
        try encode(value, forKey: ModelKey(key))
    }

    /// Left out when nil (`encodeIfPresent`).
    public mutating func optionalField<T: Encodable>(_ value: T?, _ key: String) throws {
        try encodeIfPresent(value, forKey: ModelKey(key))
    }
}

/// `==` of one property, for generated `==` implementations: a plain generic function, which the type
/// checker resolves at once where the `==` operator has hundreds of candidates.
@inlinable
public func fieldsEqual<T: Equatable>(_ lhs: T, _ rhs: T) -> Bool { lhs == rhs }
