import Foundation

/// `application/x-www-form-urlencoded` bodies, following the WHATWG URL standard's
/// urlencoded serializer (what browsers and most servers implement): space is `+`, and only
/// `A-Z a-z 0-9 * - . _` stay literal; everything else, including `+` and `~`, is `%XX`.
public enum FormURLEncoder {
    /// The `Content-Type` to send with these bodies.
    public static let contentType = "application/x-www-form-urlencoded"

    /// `grant_type=client_credentials&scope=a+b`.
    public static func encode(_ fields: [(name: String, value: String)]) -> String {
        fields.map { "\(escape($0.name))=\(escape($0.value))" }.joined(separator: "&")
    }

    /// The encoded body bytes.
    public static func encodeBody(_ fields: [(name: String, value: String)]) -> Data {
        Data(encode(fields).utf8)
    }

    /// Fields for one OpenAPI form property: arrays repeat the name when exploded (the default
    /// for form bodies) or join with `,`; objects become their properties when exploded.
    public static func fields(name: String, value: ParameterValue, explode: Bool = true) -> [(name: String, value: String)] {
        switch value {
        case .primitive(let text):
            return [(name, text)]
        case .array(let items):
            return explode ? items.map { (name, $0) } : [(name, items.joined(separator: ","))]
        case .object(let properties):
            return explode
                ? properties.map { ($0.name, $0.value) }
                : [(name, properties.flatMap { [$0.name, $0.value] }.joined(separator: ","))]
        }
    }

    /// Parses a body back into fields (`+` is a space). Malformed escapes are kept literally.
    public static func decode(_ body: String) -> [(name: String, value: String)] {
        body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            return (PercentEncoding.decode(name, plusAsSpace: true) ?? name, PercentEncoding.decode(value, plusAsSpace: true) ?? value)
        }
    }

    static func escape(_ text: String) -> String {
        PercentEncoding.encode(text, keeping: .formURLEncoded).replacingOccurrences(of: "%20", with: "+")
    }
}
