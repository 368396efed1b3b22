/// Bounds that keep hostile or broken input from exhausting the stack or memory.
public struct YAMLLimits: Sendable {
    /// Deeper nesting is refused; later stages recurse over the tree, and no real spec comes close.
    public var maximumDepth: Int
    /// Nodes a document may denote once aliases are expanded; stops "billion laughs" alias bombs.
    public var maximumExpandedNodes: Int

    public init(maximumDepth: Int = 256, maximumExpandedNodes: Int = 5_000_000) {
        self.maximumDepth = maximumDepth
        self.maximumExpandedNodes = maximumExpandedNodes
    }
}
