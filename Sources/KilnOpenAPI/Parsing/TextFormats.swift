/// The `format: uri-reference` and `email` fields of the OpenAPI object model (URLs of servers, terms,
/// contacts, licenses and external docs): a value that cannot be one gets a warning at its line. Generation
/// goes on, as none of them change the generated code except the server URL, which is kept as written.
enum TextFormats {
    /// RFC 3986 URI-reference characters: unreserved, reserved and `%` escapes; `{}` for server templates.
    static func isURIReference(_ text: String, templated: Bool) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.count, scalars[index + 1].properties.isASCIIHexDigit,
                    scalars[index + 2].properties.isASCIIHexDigit
                else { return false }
                index += 3
                continue
            }
            // IRIs (RFC 3987) allow non-ASCII characters; real specs use them in server URLs.
            let allowed = scalar.value > 0x7F || (scalar.properties.isASCIIHexDigit || isASCIILetterOrDigit(scalar))
                || "-._~:/?#[]@!$&'()*+,;=".unicodeScalars.contains(scalar)
                || (templated && (scalar == "{" || scalar == "}"))
            guard allowed else { return false }
            index += 1
        }
        return true
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }

    static func checkURL(
        _ value: String?, _ what: String, _ object: ObjectReader, _ key: String, templated: Bool = false
    ) {
        guard let value, !value.isEmpty, !isURIReference(value, templated: templated),
            let node = object.value(key)
        else { return }
        object.context.warning("\(what) '\(value)' is not a valid URL reference (RFC 3986)", at: node.location)
    }

    static func checkEmail(_ value: String?, _ object: ObjectReader, _ key: String) {
        guard let value, !isEmail(value), let node = object.value(key) else { return }
        object.context.warning("'\(value)' is not an email address", at: node.location)
    }

    private static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
