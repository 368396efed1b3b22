/// `SwiftNaming.words` for ASCII names (nearly all of them), on bytes: the same splitting rules without
/// Unicode property lookups, which took a tenth of a large spec's generation time.
extension SwiftNaming {
    static func asciiWords(_ wire: String) -> [String]? {
        let bytes = Array(wire.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func isLetter(_ byte: UInt8) -> Bool { isLower(byte) || isUpper(byte) }

        var result: [String] = []
        var start: Int?
        var hasLetter = false
        func flush(at end: Int) {
            if let first = start { result.append(String(decoding: bytes[first..<end], as: UTF8.self)) }
            start = nil
            hasLetter = false
        }
        for (index, byte) in bytes.enumerated() {
            guard isLetter(byte) || isDigit(byte) else {
                flush(at: index)
                continue
            }
            if start != nil {
                let previous = bytes[index - 1]
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                let afterNext = index + 2 < bytes.count ? bytes[index + 2] : nil
                let lowerToUpper = isLower(previous) && isUpper(byte)
                // As in `words`: "HTTPServer" splits before the S; the "s" of "IDs" stays with the acronym.
                let pluralAcronym = next == UInt8(ascii: "s") && !(afterNext.map(isLower) ?? false)
                let acronymEnd = isUpper(previous) && isUpper(byte) && (next.map(isLower) ?? false) && !pluralAcronym
                let digitToLetter = isDigit(previous) && isLetter(byte) && hasLetter
                if lowerToUpper || acronymEnd || digitToLetter { flush(at: index) }
            }
            if start == nil { start = index }
            hasLetter = hasLetter || isLetter(byte)
        }
        flush(at: bytes.count)
        if result.count > 1, !bytes.contains(where: isLower) {
            result = result.map { $0.lowercased() }
        }
        return result
    }
}
