import KilnOpenAPI
import KilnYAML

/// JSON text for example values and samples, which contract tests replay.
enum JSONText {
    static func text(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return "null"
            case .bool(let flag): return flag ? "true" : "false"
            case .integer(let value): return String(value)
            case .float(let value): return value.isFinite ? number(value) : "null"
            case .string(let text): return string(text)
            }
        case .sequence(let items):
            return "[" + items.map(text).joined(separator: ",") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { string($0.key.scalar?.text ?? "") + ":" + text($0.value) }.joined(separator: ",") + "}"
        }
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A Swift raw string literal holding `text` unchanged: enough `#`s that no `"#...` ends it early.
    static func rawLiteral(_ text: String) -> String {
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return hashes + "\"" + text + "\"" + hashes
    }
}
