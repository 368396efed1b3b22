import KilnText

/// RFC 6901 JSON pointers as they appear after the `#` of a `$ref` (RFC 3986 percent escapes first,
/// then `~1` for `/` and `~0` for `~`).
public enum JSONPointer {
    /// The pointer's unescaped segments, or nil when it is not a pointer (does not start with "/").
    public static func segments(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            unescape(String($0))
        }
    }

    public static func unescape(_ segment: String) -> String {
        // Most segments (every component name in a generated client) have nothing to decode.
        if !segment.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "%") }) { return segment }
        let decoded = segment.percentDecoded ?? segment
        return decoded.replacing("~1", with: "/").replacing("~0", with: "~")
    }

    public static func escape(_ segment: String) -> String {
        segment.replacing("~", with: "~0").replacing("/", with: "~1")
    }
}
