import Foundation
import KilnRuntime

/// What generated contract tests use to build inputs from spec examples and to compare what was sent
/// and received with what the spec says, reporting differences in words.
public enum ContractCheck {
    /// The test server's URL with the spec's base path, e.g. `http://127.0.0.1:5000/iserv/api`.
    public static func baseURL(_ server: KilnTestServer, path: String) -> URL {
        URL(string: server.baseURL.absoluteString + path)!
    }

    /// A model built from a spec example, decoded as the client would decode it.
    public static func sample<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONCoding.makeDecoder().decode(type, from: Data(json.utf8))
    }

    /// Query pairs as received, percent-decoded, as `[name, value]`.
    public static func queryPairs(_ request: RecordedRequest) -> [[String]] {
        request.queryItems.map { [$0.name, $0.value] }
    }

    /// Form body pairs as received (`+` is a space), as `[name, value]`.
    public static func formPairs(_ body: Data) -> [[String]] {
        FormURLEncoder.decode(String(decoding: body, as: UTF8.self)).map { [$0.name, $0.value] }
    }

    /// The request's media type without parameters (`multipart/form-data`, not its boundary), lowercased.
    public static func mediaType(_ request: RecordedRequest) -> String? {
        request.header("Content-Type").map { String($0.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// nil when `data`, a request body the client sent, holds the JSON `expected` describes, else what
    /// differs. Keys are strict (a key sent as null is not a key left out: PATCH tells them apart), and
    /// numbers and strings must match in kind: a client that built the body from typed models has no
    /// excuse for sending `"1"` where the spec's example has `1`.
    public static func jsonDifference(_ data: Data, _ expected: String) -> String? {
        difference(data, expected, strictKeys: true)
    }

    /// nil when `value` re-encodes to `json`, else what differs. A missing key equals null here: the
    /// response example may spell out a null that the model leaves out when it encodes nil. Numbers and
    /// strings must match in kind; for `x-kiln-lenient-number` fields the generator expects the number
    /// the model re-encodes a numeric string to.
    public static func roundTripDifference(_ value: some Encodable, _ json: String) throws -> String? {
        difference(try JSONCoding.makeEncoder().encode(value), json, strictKeys: false)
    }

    private static func difference(_ data: Data, _ expected: String, strictKeys: Bool) -> String? {
        guard let actual = SemanticJSON(data: data) else {
            return "not JSON: \(String(decoding: data.prefix(200), as: UTF8.self))"
        }
        guard let wanted = SemanticJSON(data: Data(expected.utf8)) else { return "the expected text is not JSON" }
        return wanted.difference(from: actual, path: "$", strictKeys: strictKeys)
    }
}

/// JSON compared by meaning, the way a server and a client may legitimately differ: `1` equals `1.0`, two
/// date-times are equal when they denote the same instant (`+00:00` and `Z`, with or without `.000`), and,
/// only when asked (re-encoded responses), a missing key equals null.
indirect enum SemanticJSON: Decodable {
    case null, bool(Bool), number(Double), string(String), array([SemanticJSON]), object([String: SemanticJSON])

    init?(data: Data) {
        guard let value = try? JSONDecoder().decode(SemanticJSON.self, from: data) else { return nil }
        self = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([SemanticJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: SemanticJSON].self)) }
    }

    func difference(from actual: SemanticJSON, path: String, strictKeys: Bool) -> String? {
        switch (self, actual) {
        case (.null, .null): return nil
        case (.bool(let a), .bool(let b)) where a == b: return nil
        case (.number(let a), .number(let b)) where a == b: return nil
        case (.string(let a), .string(let b)):
            if a == b { return nil }
            if let x = ISO8601DateTime.date(from: a), let y = ISO8601DateTime.date(from: b), x == y { return nil }
            return "\(path): expected \"\(a)\", got \"\(b)\""
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return "\(path): expected \(a.count) items, got \(b.count)" }
            for (index, pair) in zip(a, b).enumerated() {
                if let difference = pair.0.difference(from: pair.1, path: "\(path)[\(index)]", strictKeys: strictKeys) {
                    return difference
                }
            }
            return nil
        case (.object(let a), .object(let b)):
            for key in Set(a.keys).union(b.keys).sorted() {
                if strictKeys, (a[key] == nil) != (b[key] == nil) {
                    return a[key] == nil ? "\(path): unexpected key \"\(key)\"" : "\(path): missing key \"\(key)\""
                }
                let expected = a[key] ?? .null
                let got = b[key] ?? .null
                if let difference = expected.difference(from: got, path: "\(path).\(key)", strictKeys: strictKeys) {
                    return difference
                }
            }
            return nil
        default:
            return "\(path): expected \(self.summary), got \(actual.summary)"
        }
    }

    private var summary: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let items): "an array of \(items.count)"
        case .object(let fields): "an object with \(fields.keys.sorted())"
        }
    }
}
