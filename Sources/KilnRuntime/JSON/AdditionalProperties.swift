import Foundation

/// Generated models whose schema has `additionalProperties` beside named properties keep the keys they do
/// not name in a dictionary, so decoding and re-encoding returns the same object.
extension Decoder {
    /// Every key of the object being decoded that is not in `named` (the wire names of the named
    /// properties), decoded as `Value`.
    public func additionalProperties<Value: Decodable>(_ type: Value.Type, excluding named: Set<String>) throws -> [String: Value] {
        let container = try container(keyedBy: AdditionalPropertyKey.self)
        var result: [String: Value] = [:]
        for key in container.allKeys where !named.contains(key.stringValue) {
            result[key.stringValue] = try container.decode(Value.self, forKey: key)
        }
        return result
    }

    /// Every key that is not one of `Known`'s cases, for a hand-written model with a CodingKeys enum.
    public func additionalProperties<Value: Decodable, Known: CodingKey & CaseIterable>(
        _ type: Value.Type, excluding known: Known.Type
    ) throws -> [String: Value] {
        try additionalProperties(type, excluding: Set(Known.allCases.map(\.stringValue)))
    }
}

extension Encoder {
    /// Writes `values` as keys of the object being encoded. Call it before encoding the named properties:
    /// a key that is also a named property is then overwritten by it.
    public func encodeAdditionalProperties<Value: Encodable>(_ values: [String: Value]) throws {
        var container = container(keyedBy: AdditionalPropertyKey.self)
        for key in values.keys.sorted() {
            try container.encode(values[key]!, forKey: AdditionalPropertyKey(stringValue: key))
        }
    }
}

private struct AdditionalPropertyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
