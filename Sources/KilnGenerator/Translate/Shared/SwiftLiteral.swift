import KilnOpenAPI

/// Swift source literals for values from a spec.
enum SwiftLiteral {
    /// `.get` for the runtime's named methods, else the token as a literal (`"QUERY"`, `"COPY"`).
    static func httpMethod(_ method: HTTPMethodName) -> String {
        HTTPMethodName.allCases.contains(method) ? ".\(method.rawValue)" : string(method.token)
    }

    /// A string literal with everything escaped that could end or corrupt it.
    static func string(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
