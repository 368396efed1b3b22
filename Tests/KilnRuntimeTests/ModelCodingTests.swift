import Foundation
import KilnRuntime
import Testing

/// Models written the way Kiln generates them, for the coding rules that need the runtime.
@Suite struct ModelCodingTests {
    /// `{properties: {p: string, req: [integer, null]}, required: [req], additionalProperties: {type: integer}}`.
    struct Counters: Codable, Equatable {
        let p: String?
        let req: Int?
        let additionalProperties: [String: Int]

        init(p: String? = nil, req: Int?, additionalProperties: [String: Int] = [:]) {
            self.p = p
            self.req = req
            self.additionalProperties = additionalProperties
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.p = try container.decodeIfPresent(String.self, forKey: .p)
            self.req = try container.decodeIfPresent(Int.self, forKey: .req)
            self.additionalProperties = try decoder.additionalProperties(Int.self, excluding: CodingKeys.self)
        }

        func encode(to encoder: any Encoder) throws {
            try encoder.encodeAdditionalProperties(additionalProperties)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(p, forKey: .p)
            try container.encode(req, forKey: .req)
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case p
            case req
        }
    }

    private func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONCoding.makeEncoder().encode(value), as: UTF8.self)
    }

    @Test func unknownKeysRoundTrip() throws {
        let text = #"{"a":1,"b":2,"p":"x","req":3}"#
        let value = try JSONCoding.makeDecoder().decode(Counters.self, from: Data(text.utf8))
        #expect(value == Counters(p: "x", req: 3, additionalProperties: ["a": 1, "b": 2]))
        #expect(try json(value) == text)
    }

    @Test func aRequiredNullIsSentAsNull() throws {
        #expect(try json(Counters(req: nil)) == #"{"req":null}"#)
    }

    @Test func namedPropertiesWinOverTheSameExtraKey() throws {
        #expect(try json(Counters(p: "named", req: 1, additionalProperties: ["p": 5])) == #"{"p":"named","req":1}"#)
    }
}
