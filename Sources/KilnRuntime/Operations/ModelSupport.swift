import Foundation

/// Generated open enums: known cases plus `unknown(raw)`, so a value added on the server decodes and
/// re-encodes unchanged instead of failing the whole response.
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, ParameterPrimitive, ParameterEncodable
where RawValue: Codable & Hashable & Sendable & ParameterPrimitive {
    init(rawValue: RawValue)
}

extension OpenEnum {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(RawValue.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Boxes a property so a struct can contain itself (a tree node's parent). Generated code applies it
/// only where a cycle needs it; it encodes and decodes as the plain value.
@propertyWrapper
public struct Indirect<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    public init(wrappedValue: Value) { box = Box(wrappedValue) }

    public var wrappedValue: Value {
        get { box.value }
        set { box = Box(newValue) }
    }
}

extension Indirect: Equatable where Value: Equatable {
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

extension Indirect: Hashable where Value: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

extension Indirect: Codable where Value: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(wrappedValue: try decoder.singleValueContainer().decode(Value.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

/// Synthesized Codable looks these up for `@Indirect` optionals, so a missing key means nil
/// and nil is left out, exactly as for an unwrapped optional.
extension KeyedDecodingContainer {
    public func decode<T: Codable & Sendable>(_ type: Indirect<T?>.Type, forKey key: Key) throws -> Indirect<T?> {
        Indirect(wrappedValue: try decodeIfPresent(T.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    public mutating func encode<T: Codable & Sendable>(_ value: Indirect<T?>, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}

/// Why a oneOf/anyOf value could not be decoded.
public enum OneOfDecodingError: Error, CustomStringConvertible {
    case unknownDiscriminator(String, type: String, codingPath: [any CodingKey])
    case noVariantMatched(String, codingPath: [any CodingKey], errors: [any Error])

    public var description: String {
        switch self {
        case .unknownDiscriminator(let value, let type, let path):
            "\(type) at \(Self.path(path)): unknown discriminator value '\(value)'"
        case .noVariantMatched(let type, let path, let errors):
            "\(type) at \(Self.path(path)): the value matches none of its \(errors.count) variants"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "the top level" : codingPath.map(\.stringValue).joined(separator: ".")
    }
}

private struct DiscriminatorKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// The string value of a discriminator property of the object being decoded.
    public func discriminator(_ property: String) throws -> String {
        try container(keyedBy: DiscriminatorKey.self).decode(String.self, forKey: DiscriminatorKey(stringValue: property))
    }
}
