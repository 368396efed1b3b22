/// Encodes header parameters in the `simple` style: `blue`, `blue,black,brown`,
/// `R,100,G,200,B,150` or (explode) `R=100,G=200,B=150`.
///
/// Header values are not URIs, so no RFC 3986 percent-encoding is applied (`a b` stays `a b`);
/// only control characters (which would break or inject header lines) are percent-encoded.
public enum HeaderEncoder {
    /// A styled header value.
    public static func encode(_ value: ParameterValue, explode: Bool = false) -> String {
        StyleSerializer(escape: escapeControlCharacters).simple(value, explode: explode)
    }

    /// A scalar header value.
    public static func encode(_ value: some ParameterPrimitive) -> String {
        escapeControlCharacters(value.parameterText)
    }

    static func escapeControlCharacters(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                output += "%" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}

/// Encodes cookie parameters in the `form` style: `color=blue`, `color=blue,black,brown`,
/// `color=R,100,G,200,B,150`; exploded arrays/objects become separate cookies joined by `; `
/// (`color=blue; color=black`, `R=100; G=200`), the only reading that is a valid Cookie header.
/// Values are percent-encoded (RFC 3986 unreserved kept) because cookie values may not contain
/// spaces, `;`, `,` or quotes.
public enum CookieEncoder {
    /// The `name=value` fragment(s) for one cookie parameter.
    public static func encode(name: String, value: ParameterValue, explode: Bool = true) -> String {
        let escape: (String) -> String = { PercentEncoding.encode($0) }
        let serializer = StyleSerializer(escape: escape)
        switch value {
        case .array(let items) where explode:
            return items.map { "\(escape(name))=\(escape($0))" }.joined(separator: "; ")
        case .object(let properties) where explode:
            return serializer.explodedProperties(properties, separator: "; ")
        default:
            return "\(escape(name))=" + serializer.joined(value, separator: ",")
        }
    }

    /// A scalar cookie: `name=value`.
    public static func encode(name: String, _ value: some ParameterPrimitive) -> String {
        encode(name: name, value: ParameterValue(value))
    }

    /// Adds `cookies` (`a=1; b=2`) to the request's single `Cookie` header, creating it if needed.
    public static func append(_ cookies: String, to headers: inout HTTPFields) {
        guard !cookies.isEmpty else { return }
        if let existing = headers["Cookie"], !existing.isEmpty {
            headers["Cookie"] = existing + "; " + cookies
        } else {
            headers["Cookie"] = cookies
        }
    }
}

extension HTTPFields {
    /// A header parameter (client) or a documented response header (server) in the `simple` style, so both
    /// sides spell a value alike; nil leaves it out.
    public mutating func appendHeader(_ name: String, _ value: (some ParameterEncodable)?, explode: Bool = false) {
        guard let value else { return }
        append(name: name, value: HeaderEncoder.encode(value.parameterValue, explode: explode))
    }
}
