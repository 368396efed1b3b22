/// An RFC 3986 URI reference split into its parts, for the two questions the generator asks of a server
/// URL: is it absolute (a scheme and a host), and what is its path. It reads text as Foundation's
/// URLComponents(string:) does: characters a path, query or fragment may not hold are percent-encoded
/// (a lone `%` too), while a malformed scheme, host or port makes the whole reference nil.
public struct URLReference: Equatable, Sendable {
    public var scheme: String?
    /// The authority's host without user info and port, as written; "" for an empty authority
    /// (`file:///x`), nil without one.
    public var host: String?
    /// The path, percent-encoded where the text was not.
    public var path: String

    public init?(_ text: String) {
        var rest = Substring(text)
        // The fragment and query end the path.
        if let end = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        // A colon before any slash ends a scheme; a relative path cannot hold one in its first segment.
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") {
            guard Self.isScheme(rest[..<colon]) else { return nil }
            scheme = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<end]
            if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
            if authority.hasPrefix("[") {
                guard let close = authority.firstIndex(of: "]") else { return nil }
                let port = authority[authority.index(after: close)...]
                guard port.isEmpty || (port.hasPrefix(":") && port.dropFirst().utf8.allSatisfy(Self.isDigit)) else {
                    return nil
                }
                authority = authority[...close]
            } else {
                if let colon = authority.firstIndex(of: ":") {
                    guard authority[authority.index(after: colon)...].utf8.allSatisfy(Self.isDigit) else { return nil }
                    authority = authority[..<colon]
                }
                guard Self.isHost(authority) else { return nil }
            }
            host = String(authority)
            rest = rest[end...]
        }
        path = Self.percentEncodingPath(rest)
    }

    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`
    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, isLetter(first) else { return false }
        return text.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == 43 || $0 == 45 || $0 == 46 }
    }

    /// A reg-name: unreserved, sub-delims and percent escapes; non-ASCII (an international name) passes.
    private static func isHost(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard byte >= 0x80 || isUnreserved(byte) || subDelimiters.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    private static func percentEncodingPath(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            let isEscape = byte == UInt8(ascii: "%") && index + 2 < bytes.count && isHex(bytes[index + 1]) && isHex(bytes[index + 2])
            if isEscape || isUnreserved(byte) || subDelimiters.contains(byte) || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "/")
            {
                output.append(byte)
            } else {
                let digits = Array("0123456789ABCDEF".utf8)
                output += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let subDelimiters = Set("!$&'()*+,;=".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == 45 || byte == 46 || byte == 95 || byte == 126
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 102) }
}
