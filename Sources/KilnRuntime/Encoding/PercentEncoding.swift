import Foundation

/// Byte-level percent-encoding with uppercase hex digits (RFC 3986 §2.1).
///
/// Works on UTF-8 bytes, not on `CharacterSet`, so the output is exact and identical on every platform.
public enum PercentEncoding {
    /// Which bytes stay literal.
    public enum Kept: Sendable {
        /// RFC 3986 unreserved: `A-Z a-z 0-9 - . _ ~`. Everything else is encoded (including `+`).
        case unreserved
        /// Unreserved plus RFC 3986 reserved (`:/?#[]@!$&'()*+,;=`), for `allowReserved: true`.
        case unreservedAndReserved
        /// WHATWG `application/x-www-form-urlencoded`: `A-Z a-z 0-9 * - . _` (note: `~` is encoded).
        case formURLEncoded
    }

    /// Percent-encodes every byte of `string` that `kept` does not allow.
    public static func encode(_ string: String, keeping kept: Kept = .unreserved) -> String {
        var output = [UInt8]()
        output.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if isKept(byte, kept) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `%XX` escapes (and `+` as space when `plusAsSpace`); nil for malformed escapes or invalid UTF-8.
    public static func decode(_ string: String, plusAsSpace: Bool = false) -> String? {
        var output = [UInt8]()
        var bytes = string.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = bytes.next().flatMap(hexValue), let low = bytes.next().flatMap(hexValue) else { return nil }
                output.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                output.append(UInt8(ascii: " "))
            default:
                output.append(byte)
            }
        }
        return String(data: Data(output), encoding: .utf8)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static let reserved = Set(":/?#[]@!$&'()*+,;=".utf8)

    private static func isKept(_ byte: UInt8, _ kept: Kept) -> Bool {
        if isAlphanumeric(byte) { return true }
        switch kept {
        case .unreserved:
            return byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
        case .unreservedAndReserved:
            return byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                || reserved.contains(byte)
        case .formURLEncoded:
            return byte == UInt8(ascii: "*") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        }
    }
}
