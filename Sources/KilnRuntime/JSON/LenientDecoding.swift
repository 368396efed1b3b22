import Foundation

/// A type that can also be decoded from a JSON string, for servers that send `"542"` where the
/// schema says `542` (or the reverse for `String`).
public protocol LenientlyDecodable: Decodable {
    /// Parses the alternative JSON representation. Nil when it does not represent a value.
    static func lenientValue(from container: any SingleValueDecodingContainer) -> Self?
}

/// Numbers also accept their decimal string form.
public protocol LenientNumber: LenientlyDecodable, LosslessStringConvertible {}

extension LenientNumber {
    public static func lenientValue(from container: any SingleValueDecodingContainer) -> Self? {
        (try? container.decode(String.self)).flatMap { Self($0.trimmingCharacters(in: .whitespaces)) }
    }
}

extension Int: LenientNumber {}
extension Int32: LenientNumber {}
extension Int64: LenientNumber {}
extension UInt: LenientNumber {}
extension UInt64: LenientNumber {}
extension Double: LenientNumber {}
extension Float: LenientNumber {}

/// Accepts `"true"`/`"false"` strings.
extension Bool: LenientlyDecodable {
    public static func lenientValue(from container: any SingleValueDecodingContainer) -> Bool? {
        switch try? container.decode(String.self) {
        case "true": true
        case "false": false
        default: nil
        }
    }
}

/// Accepts numbers for string fields (ids that are sometimes numeric).
extension String: LenientlyDecodable {
    public static func lenientValue(from container: any SingleValueDecodingContainer) -> String? {
        if let integer = try? container.decode(Int64.self) { return String(integer) }
        if let number = try? container.decode(Double.self) { return String(number) }
        return nil
    }
}

/// Reads the value through a nested decoder so the alternative form can be tried on the same data.
private struct LenientBox<Value: LenientlyDecodable>: Decodable {
    let value: Value

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Value.self) {
            self.value = value
        } else if let value = Value.lenientValue(from: container) {
            self.value = value
        } else {
            throw DecodingError.typeMismatch(Value.self, DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "Expected \(Value.self) or a string containing one"
            ))
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes `T` from its normal JSON form or its alternative (e.g. `542` or `"542"` for `Int`).
    public func decodeLenient<T: LenientlyDecodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decode(LenientBox<T>.self, forKey: key).value
    }

    /// Like `decodeLenient`, but nil for a missing key or `null`.
    public func decodeLenientIfPresent<T: LenientlyDecodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decodeIfPresent(LenientBox<T>.self, forKey: key)?.value
    }
}

extension KeyedDecodingContainer {
    /// An array whose elements may each come in either form (`[542, "543"]`).
    public func decodeLenient<T: LenientlyDecodable>(_ type: [T].Type, forKey key: Key) throws -> [T] {
        try decode([LenientBox<T>].self, forKey: key).map(\.value)
    }

    /// Like `decodeLenient`, but nil for a missing key or `null`.
    public func decodeLenientIfPresent<T: LenientlyDecodable>(_ type: [T].Type, forKey key: Key) throws -> [T]? {
        try decodeIfPresent([LenientBox<T>].self, forKey: key)?.map(\.value)
    }
}

extension SingleValueDecodingContainer {
    /// Decodes `T` from its normal JSON form or its alternative.
    public func decodeLenient<T: LenientlyDecodable>(_ type: T.Type) throws -> T {
        try decode(LenientBox<T>.self).value
    }
}

extension UnkeyedDecodingContainer {
    /// Decodes the next element leniently.
    public mutating func decodeLenient<T: LenientlyDecodable>(_ type: T.Type) throws -> T {
        try decode(LenientBox<T>.self).value
    }
}
