import KilnDiagnostics

/// A node of a parsed YAML (or JSON) document. Every node keeps where it started, so each later stage can
/// report problems at the exact line and column a user has to edit.
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        /// Pairs in document order: generated code follows the order a spec author chose.
        case mapping([YAMLPair])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value of the first pair whose key is the plain string `key`.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.isPlainKey(key) }?.value
    }

    /// Whether this node is a scalar written as `key`: the test of every field lookup, so it compares in
    /// place rather than copying the scalar out.
    public func isPlainKey(_ key: String) -> Bool {
        switch content {
        case .scalar(let scalar): scalar.text == key
        default: false
        }
    }

    /// A short, user-facing name of the node's kind, for messages like "expected a mapping, found a list".
    public var kindDescription: String {
        switch content {
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: "null"
            case .bool(let flag): "the boolean \(flag)"
            case .integer, .float: "the number \(scalar.text)"
            case .string(let text): "the string \"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
            }
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
