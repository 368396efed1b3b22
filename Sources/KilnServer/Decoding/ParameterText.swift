import KilnRuntime

/// What the generated type of a parameter looks like to a style: the delimiters mean different
/// things for a scalar (`a,b` is one string), a list and an object (`R,100,G,200`).
public enum ParameterShape: Sendable {
    case primitive, array, object
}

/// The inverse of the client's encoders (`QueryEncoder`, `PathEncoder`, `HeaderEncoder`,
/// `CookieEncoder`): raw text in a style to a `TextNode`; nil when the parameter is absent.
enum ParameterText {
    /// `pairs` are the query's (or cookies') name/value pairs, already percent-decoded.
    static func query(
        _ name: String, pairs: [(name: String, value: String)], style: QueryStyle, explode: Bool, shape: ParameterShape,
        excluding: Set<String>
    ) -> TextNode? {
        let values = pairs.filter { $0.name == name }.map(\.value)
        switch shape {
        case .primitive:
            return values.first.map(TextNode.text)
        case .array:
            if explode || style == .deepObject { return values.isEmpty ? nil : .list(values.map(TextNode.text)) }
            return values.first.map { .list(split($0, delimiter(style)).map(TextNode.text)) }
        case .object:
            if style == .deepObject {
                let prefix = name + "["
                let fields = pairs.filter { $0.name.hasPrefix(prefix) && $0.name.hasSuffix("]") }.map {
                    (name: String($0.name.dropFirst(prefix.count).dropLast()), value: TextNode.text($0.value))
                }
                return fields.isEmpty ? nil : .object(pairs: fields)
            }
            if explode {
                let fields = pairs.filter { !excluding.contains($0.name) }.map { (name: $0.name, value: TextNode.text($0.value)) }
                return fields.isEmpty ? nil : .object(pairs: fields)
            }
            return values.first.map { alternating(split($0, delimiter(style))) }
        }
    }

    /// A path variable's raw text (still percent-encoded) in `simple`, `label` or `matrix` style.
    static func path(_ name: String, raw: String, style: PathStyle, explode: Bool, shape: ParameterShape) -> TextNode? {
        func decoded(_ parts: [String]) -> [String] { parts.map { PercentDecoding.decode($0) ?? $0 } }
        switch style {
        case .simple:
            return simple(raw, explode: explode, shape: shape, decode: decoded)
        case .label:
            guard raw.hasPrefix(".") else { return nil }
            let body = String(raw.dropFirst())
            switch shape {
            case .primitive: return .text(decoded([body])[0])
            case .array: return .list(decoded(split(body, explode ? "." : ",")).map(TextNode.text))
            case .object: return explode ? keyValues(split(body, "."), decoded) : alternating(decoded(split(body, ",")))
            }
        case .matrix:
            let parts = split(String(raw.drop { $0 == ";" }), ";")
            let encodedName = PercentEncoding.encode(name)
            func value(_ part: String) -> String? {
                if part == encodedName { return "" }
                guard part.hasPrefix(encodedName + "=") else { return nil }
                return String(part.dropFirst(encodedName.count + 1))
            }
            switch shape {
            case .primitive: return parts.first.flatMap(value).map { .text(decoded([$0])[0]) }
            case .array where explode: return .list(decoded(parts.compactMap(value)).map(TextNode.text))
            case .array: return parts.first.flatMap(value).map { .list(decoded(split($0, ",")).map(TextNode.text)) }
            case .object where explode: return keyValues(parts, decoded)
            case .object: return parts.first.flatMap(value).map { alternating(decoded(split($0, ","))) }
            }
        }
    }

    /// A header value in the `simple` style (headers are not percent-encoded).
    static func header(_ value: String, explode: Bool, shape: ParameterShape) -> TextNode {
        simple(value, explode: explode, shape: shape) { $0.map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// `name=value` pairs of `Cookie` headers, percent-decoded.
    static func cookies(_ headers: [String]) -> [(name: String, value: String)] {
        headers.flatMap { $0.split(separator: ";") }.compactMap { pair in
            let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = parts.first, !first.isEmpty else { return nil }
            let value = parts.count > 1 ? String(parts[1]) : ""
            return (PercentDecoding.decode(first) ?? String(first), PercentDecoding.decode(value) ?? value)
        }
    }

    private static func simple(_ raw: String, explode: Bool, shape: ParameterShape, decode: ([String]) -> [String]) -> TextNode {
        switch shape {
        case .primitive: return .text(decode([raw])[0])
        case .array: return .list(decode(split(raw, ",")).map(TextNode.text))
        case .object: return explode ? keyValues(split(raw, ","), decode) : alternating(decode(split(raw, ",")))
        }
    }

    private static func delimiter(_ style: QueryStyle) -> String {
        switch style {
        case .form, .deepObject: ","
        case .spaceDelimited: " "
        case .pipeDelimited: "|"
        }
    }

    /// Empty text is an empty list, as the client sends one.
    private static func split(_ text: String, _ delimiter: String) -> [String] {
        text.isEmpty ? [] : text.components(separatedBy: delimiter)
    }

    /// `R,100,G,200`: names and values alternate.
    private static func alternating(_ parts: [String]) -> TextNode {
        .object(pairs: stride(from: 0, to: parts.count - 1, by: 2).map { (parts[$0], TextNode.text(parts[$0 + 1])) })
    }

    /// `R=100`, `G=200`, split before `decode` so an encoded `=` stays in its value.
    private static func keyValues(_ parts: [String], _ decode: ([String]) -> [String]) -> TextNode {
        .object(pairs: parts.map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let texts = decode([pieces[0], pieces.count > 1 ? pieces[1] : ""])
            return (texts[0], TextNode.text(texts[1]))
        })
    }
}
