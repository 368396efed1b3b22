/// Line splitting over UTF-8 bytes. Splitting a `String` on `Character.isNewline` runs grapheme
/// breaking on every character of every description in a spec (6% of a large spec's generation); a
/// newline is a grapheme of its own, so scanning bytes for the same separators gives the same lines.
extension String {
    /// The lines of the text, as `split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)`
    /// gives them: separated by LF, VT, FF, CR, CR LF, NEL, LS or PS.
    public var lines: [Substring] {
        var result: [Substring] = []
        let bytes = utf8
        var lineStart = bytes.startIndex
        var index = lineStart
        while index != bytes.endIndex {
            let separatorLength = Self.newlineLength(bytes, at: index)
            guard separatorLength > 0 else {
                index = bytes.index(after: index)
                continue
            }
            result.append(self[lineStart..<index])
            index = bytes.index(index, offsetBy: separatorLength)
            lineStart = index
        }
        result.append(self[lineStart..<bytes.endIndex])
        return result
    }

    /// The byte length of the newline starting at `index`, or 0.
    private static func newlineLength(_ bytes: UTF8View, at index: UTF8View.Index) -> Int {
        switch bytes[index] {
        case 0x0A, 0x0B, 0x0C: return 1
        case 0x0D:
            let next = bytes.index(after: index)
            return next != bytes.endIndex && bytes[next] == 0x0A ? 2 : 1
        case 0xC2:  // NEL, U+0085
            let next = bytes.index(after: index)
            return next != bytes.endIndex && bytes[next] == 0x85 ? 2 : 0
        case 0xE2:  // LS and PS, U+2028 and U+2029
            let second = bytes.index(after: index)
            guard second != bytes.endIndex, bytes[second] == 0x80 else { return 0 }
            let third = bytes.index(after: second)
            return third != bytes.endIndex && (bytes[third] == 0xA8 || bytes[third] == 0xA9) ? 3 : 0
        default: return 0
        }
    }
}
