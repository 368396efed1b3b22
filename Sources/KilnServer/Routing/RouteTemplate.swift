import KilnRuntime

/// A path template (`/groups/{id}/members`) split into segments, matched against a raw request path.
/// A segment is a literal, or a variable with an optional literal prefix and suffix (`{name}.json`).
struct RouteTemplate: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case variable(name: String, prefix: String, suffix: String)
    }

    let text: String
    let segments: [Segment]

    init(_ text: String) {
        self.text = text
        segments = Self.split(text).map { segment in
            guard let open = segment.firstIndex(of: "{"), let close = segment[open...].firstIndex(of: "}") else {
                return .literal(segment)
            }
            return .variable(
                name: String(segment[segment.index(after: open)..<close]), prefix: String(segment[..<open]),
                suffix: String(segment[segment.index(after: close)...]))
        }
    }

    /// The raw (still percent-encoded) text of each variable, or nil when the path does not match.
    func match(_ pathSegments: [Substring]) -> [String: String]? {
        guard pathSegments.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (segment, actual) in zip(segments, pathSegments) {
            switch segment {
            case .literal(let literal):
                // Literals compare decoded, so `/a%20b` matches a template `/a b`.
                guard actual == literal || PercentDecoding.decode(actual) == literal else { return nil }
            case .variable(let name, let prefix, let suffix):
                guard actual.hasPrefix(prefix), actual.hasSuffix(suffix), actual.count > prefix.count + suffix.count else { return nil }
                values[name] = String(actual.dropFirst(prefix.count).dropLast(suffix.count))
            }
        }
        return values
    }

    /// Literal segments first, left to right: `/groups/me` beats `/groups/{id}` and `/{a}/x` beats `/{a}/{b}`.
    var specificity: [Int] {
        segments.map { segment in
            switch segment {
            case .literal: 2
            case .variable(_, let prefix, let suffix): prefix.isEmpty && suffix.isEmpty ? 0 : 1
            }
        }
    }

    static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }
}

enum PercentDecoding {
    static func decode(_ text: some StringProtocol, plusAsSpace: Bool = false) -> String? {
        PercentEncoding.decode(String(text), plusAsSpace: plusAsSpace)
    }
}
