/// A scalar as written, with what it means under the YAML 1.2 core schema (the JSON-compatible one).
/// Under it only `true`/`false` are booleans: `yes`, `no`, `on`, `off` stay strings, as they occur
/// as enum values and names in real specs.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case integer(Int)
        case float(Double)
        case string(String)
    }

    public var text: String
    public var style: Style
    /// An explicit tag such as `tag:yaml.org,2002:str`, if the author wrote one.
    public var tag: String?
    /// What `resolved` is, in a byte: a stored `Value` would repeat the text and make every node of a
    /// document's tree 24 bytes larger.
    private let kind: Kind

    private enum Kind: UInt8, Hashable {
        case null, `true`, `false`, number, string
    }

    public init(text: String, style: Style, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
        self.kind =
            switch Self.resolve(text, style: style, tag: tag) {
            case .null: .null
            case .bool(let flag): flag ? .true : .false
            case .integer, .float: .number
            case .string: .string
            }
    }

    /// What the scalar means under the YAML 1.2 core schema (and its tag).
    public var resolved: Value {
        switch kind {
        case .null: .null
        case .true: .bool(true)
        case .false: .bool(false)
        case .string: .string(text)
        // Numbers are few in a spec; they are parsed again rather than stored.
        case .number: Self.resolve(text, style: style, tag: tag)
        }
    }

    /// The number this scalar denotes, whether written as an integer or a float.
    public var number: Double? {
        switch resolved {
        case .integer(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }

    private static func resolve(_ text: String, style: Style, tag: String?) -> Value {
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:str", "!": return .string(text)
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool": return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
            case "tag:yaml.org,2002:int": return Int(text).map(Value.integer) ?? .string(text)
            case "tag:yaml.org,2002:float": return Double(text).map(Value.float) ?? .string(text)
            default: break
            }
        }
        guard style == .plain else { return .string(text) }
        // Most plain scalars are names and words: a first byte rules out the special values and numbers
        // without comparing the text against each of them.
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            break
        default:
            return .string(text)
        }
        if text.utf8.count <= 6 {
            switch text {
            case "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
            case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
            case ".nan", ".NaN", ".NAN": return .float(.nan)
            default: break
            }
        }
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return .string(text) }
        if let integer = parseInteger(text) { return .integer(integer) }
        if isCoreFloat(text), let value = Double(text) { return .float(value) }
        return .string(text)
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`. An integer too large for Int falls through to float.
    private static func parseInteger(_ text: String) -> Int? {
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, checked by hand: this runs for every scalar.
    private static func isCoreFloat(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        if let sign = bytes.first, sign == 43 || sign == 45 { bytes = bytes.dropFirst() }
        let integerDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(integerDigits)
        var fractionDigits = 0
        if bytes.first == 46 {
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fractionDigits)
            if integerDigits == 0 && fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }
        if let e = bytes.first, e == 101 || e == 69 {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == 43 || sign == 45 { bytes = bytes.dropFirst() }
            let exponentDigits = bytes.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return false }
            bytes = bytes.dropFirst(exponentDigits)
        }
        return bytes.isEmpty
    }
}
