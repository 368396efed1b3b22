#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import KilnText
import KilnYAML

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

    /// The node a pointer designates inside `root`, or the segment at which it fails.
    public static func resolve(_ segments: [String], in root: YAMLNode) -> Result<YAMLNode, Failure> {
        var node = root
        for (index, segment) in segments.enumerated() {
            switch node.content {
            case .mapping:
                guard let next = node[segment] else { return .failure(Failure(missingIndex: index)) }
                node = next
            case .sequence(let items):
                guard let position = Int(segment), items.indices.contains(position) else {
                    return .failure(Failure(missingIndex: index))
                }
                node = items[position]
            case .scalar:
                return .failure(Failure(missingIndex: index))
            }
        }
        return .success(node)
    }

    public struct Failure: Error {
        /// The first segment that could not be found.
        public var missingIndex: Int
    }
}
