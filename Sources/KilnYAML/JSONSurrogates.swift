/// JSON writes a character beyond the Basic Multilingual Plane as a UTF-16 surrogate pair (`"\ud83d\ude00"`);
/// libyaml reads `\u` as one code point and rejects surrogates. Before a JSON document reaches libyaml,
/// each valid pair is rewritten to YAML's 8-digit escape of the same code point (`\U0001f600`).
enum JSONSurrogates {
    /// Whether `bytes` is a JSON document: its first non-whitespace byte (after a UTF-8 BOM) opens an
    /// object or an array. Decides the rewrite and whether errors say "JSON" or "YAML".
    static func isJSON(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && (bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "["))
    }

    /// `bytes` with every surrogate-pair escape inside a string rewritten, or nil when there is none,
    /// so the common document is handed to libyaml without a copy. Lone surrogates are left alone:
    /// libyaml reports them where they stand.
    ///
    /// The 12-byte pair becomes a 10-byte escape; two spaces after the string's closing quote (JSON
    /// whitespace) restore the columns of everything after the string. Only columns inside that string,
    /// past the escape, drift by 2 per pair, and no node starts there.
    static func rewritingPairs(_ bytes: [UInt8]) -> [UInt8]? {
        guard containsHighSurrogateEscape(bytes) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var inString = false
        var padding = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if !inString {
                inString = byte == quote
                output.append(byte)
                index += 1
            } else if byte == backslash {
                if let scalar = pair(at: index, in: bytes) {
                    output += Array("\\U".utf8) + hexDigits(scalar, count: 8)
                    padding += 2
                    index += 12
                } else {
                    // Any other escape: copy it whole, so an escaped quote does not end the string.
                    output += bytes[index..<min(index + 2, bytes.count)]
                    index += 2
                }
            } else {
                output.append(byte)
                index += 1
                if byte == quote {
                    inString = false
                    output += Array(repeating: UInt8(ascii: " "), count: padding)
                    padding = 0
                }
            }
        }
        return output
    }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")

    /// A quick scan for `\uD8`..`\uDB`, so documents without such escapes cost one pass and no copy.
    private static func containsHighSurrogateEscape(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == backslash, bytes[index + 1] == UInt8(ascii: "u"),
                bytes[index + 2] | 0x20 == UInt8(ascii: "d"), let digit = hexValue(bytes[index + 3]), digit >= 8
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// The code point of a valid `\uD8xx\uDCxx` pair starting at `index`, or nil.
    private static func pair(at index: Int, in bytes: [UInt8]) -> UInt32? {
        guard index + 12 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 6] == backslash,
            bytes[index + 7] == UInt8(ascii: "u"),
            let high = hexNumber(bytes[(index + 2)..<(index + 6)]), (0xD800...0xDBFF).contains(high),
            let low = hexNumber(bytes[(index + 8)..<(index + 12)]), (0xDC00...0xDFFF).contains(low)
        else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    private static func hexNumber(_ digits: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        for byte in digits {
            guard let digit = hexValue(byte) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func hexDigits(_ value: UInt32, count: Int) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return (0..<count).reversed().map { digits[Int((value >> (4 * UInt32($0))) & 0xF)] }
    }
}
