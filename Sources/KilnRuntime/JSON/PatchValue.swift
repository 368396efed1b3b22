/// A field of a PATCH (merge-patch) body that distinguishes "leave unchanged" from "set to null".
///
/// Generated models declare `var nickname: PatchValue<String> = .absent`. With the
/// `KeyedEncodingContainer` / `KeyedDecodingContainer` overloads below, synthesized `Codable`
/// omits `.absent` keys, writes `null` for `.null`, and reads a missing key back as `.absent`.
public enum PatchValue<Wrapped> {
    /// The key is not sent: the server keeps its value.
    case absent
    /// The key is sent as JSON `null`: the server clears the value.
    case null
    /// The key is sent with this value.
    case value(Wrapped)

    /// `.null` for nil, otherwise `.value`.
    public init(_ optional: Wrapped?) {
        self = optional.map(PatchValue.value) ?? .null
    }

    /// True when the key will not be sent.
    public var isAbsent: Bool {
        if case .absent = self { true } else { false }
    }

    /// The value, or nil for `.absent` and `.null`.
    public var wrappedValue: Wrapped? {
        if case .value(let value) = self { value } else { nil }
    }
}

extension PatchValue: Sendable where Wrapped: Sendable {}
extension PatchValue: Equatable where Wrapped: Equatable {}
extension PatchValue: Hashable where Wrapped: Hashable {}

/// `nil` means an explicit JSON null, so `patch.nickname = nil` clears the field.
extension PatchValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) {
        self = .null
    }
}

/// Literals set a value, so `UserPatch(email: "new@example.com")` reads like a plain optional field.
extension PatchValue: ExpressibleByUnicodeScalarLiteral where Wrapped == String {
    public init(unicodeScalarLiteral value: String) { self = .value(value) }
}

extension PatchValue: ExpressibleByExtendedGraphemeClusterLiteral where Wrapped == String {
    public init(extendedGraphemeClusterLiteral value: String) { self = .value(value) }
}

extension PatchValue: ExpressibleByStringLiteral where Wrapped == String {
    public init(stringLiteral value: String) { self = .value(value) }
}

extension PatchValue: ExpressibleByIntegerLiteral where Wrapped: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Wrapped.IntegerLiteralType) { self = .value(Wrapped(integerLiteral: value)) }
}

extension PatchValue: ExpressibleByBooleanLiteral where Wrapped == Bool {
    public init(booleanLiteral value: Bool) { self = .value(value) }
}

/// Standalone coding (e.g. inside arrays): `.absent` cannot be expressed and encodes as `null`.
extension PatchValue: Encodable where Wrapped: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .absent, .null: try container.encodeNil()
        case .value(let value): try container.encode(value)
        }
    }
}

extension PatchValue: Decodable where Wrapped: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .null : .value(try container.decode(Wrapped.self))
    }
}

extension KeyedEncodingContainer {
    /// Skips `.absent`, writes `null` for `.null`. Chosen by synthesized `Codable` over the generic overload.
    public mutating func encode<Wrapped: Encodable>(_ value: PatchValue<Wrapped>, forKey key: Key) throws {
        switch value {
        case .absent: break
        case .null: try encodeNil(forKey: key)
        case .value(let wrapped): try encode(wrapped, forKey: key)
        }
    }

    /// Same as `encode(_:forKey:)` for `PatchValue`; for generated code that spells it this way.
    public mutating func encodeIfPresent<Wrapped: Encodable>(_ value: PatchValue<Wrapped>, forKey key: Key) throws {
        try encode(value, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// Missing key → `.absent`, `null` → `.null`, otherwise `.value`.
    public func decode<Wrapped: Decodable>(_ type: PatchValue<Wrapped>.Type, forKey key: Key) throws -> PatchValue<Wrapped> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return .value(try decode(Wrapped.self, forKey: key))
    }

    /// Never nil: absence is represented by `.absent`.
    public func decodeIfPresent<Wrapped: Decodable>(_ type: PatchValue<Wrapped>.Type, forKey key: Key) throws -> PatchValue<Wrapped>? {
        try decode(type, forKey: key)
    }
}
