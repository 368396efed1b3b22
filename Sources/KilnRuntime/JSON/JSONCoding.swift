import Foundation

/// The JSON coders generated clients use.
public enum JSONCoding {
    /// Sorted keys (stable bytes for tests, caches and signatures), `/` not escaped,
    /// dates as RFC 3339 in UTC (`2024-01-02T03:04:05Z`, fraction only when nonzero).
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom(encodeDate)
        return encoder
    }

    /// Dates accept RFC 3339 / ISO 8601 with or without fractional seconds and with any offset.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(decodeDate)
        return decoder
    }

    @Sendable private static func encodeDate(_ date: Date, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ISO8601DateTime.string(from: date))
    }

    @Sendable private static func decodeDate(from decoder: any Decoder) throws -> Date {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = ISO8601DateTime.date(from: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Invalid date-time '\(text)', expected RFC 3339 like 2024-01-02T03:04:05Z")
        }
        return date
    }
}

extension CodingUserInfoKey {
    /// Set while a request body is encoded, so models leave out their `readOnly` fields.
    public static let kilnRequestBody = CodingUserInfoKey(rawValue: "kiln.requestBody")!
}

extension Encoder {
    /// Whether this encodes a request body: `readOnly` fields are the server's to set and are not sent.
    public var isEncodingRequestBody: Bool { userInfo[.kilnRequestBody] as? Bool == true }
}
