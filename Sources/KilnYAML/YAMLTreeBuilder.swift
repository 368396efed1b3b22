import CYAML
import KilnDiagnostics

/// Turns libyaml's event stream into a `YAMLNode` tree without recursion, so nesting depth costs heap,
/// not stack, up to the configured limit.
struct YAMLTreeBuilder {
    enum Step { case `continue`, finished, failed }

    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        /// Where this collection's children start in `openItems` or `openPairs`.
        var start: Int
        var pendingKey: YAMLNode?
        /// Scalar keys seen so far, to report duplicates where the second one stands.
        var keyLines: [String: SourceLocation] = [:]
        var weight = 1
    }

    private let file: String
    private let limits: YAMLLimits
    private let diagnostics: DiagnosticCollector
    private var stack: [Frame] = []
    /// The children of every open collection, innermost last: each collection's own array is made once
    /// at its end with exactly its count, where appending to it would leave up to half its capacity
    /// unused for as long as the document lives.
    private var openItems: [YAMLNode] = []
    private var openPairs: [YAMLPair] = []
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var expandedNodes = 0
    private var documentCount = 0
    private(set) var root: YAMLNode?

    init(file: String, limits: YAMLLimits, diagnostics: DiagnosticCollector) {
        self.file = file
        self.limits = limits
        self.diagnostics = diagnostics
    }

    mutating func consume(_ event: yaml_event_t) -> Step {
        let location = SourceLocation(
            file: file, line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                diagnostics.error(
                    "a spec file holds one YAML document, but a second one starts here", at: location)
                return .failed
            }
            return .continue
        case YAML_STREAM_END_EVENT:
            if root == nil {
                diagnostics.error("the file is empty; expected an OpenAPI document", at: location)
                return .failed
            }
            return .finished
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let scalar = YAMLScalar(
                text: string(data.value, length: data.length),
                style: style(data.style),
                tag: data.tag.map { String(cString: $0) })
            return attach(YAMLNode(.scalar(scalar), at: location), weight: 1, at: location, anchor: data.anchor)
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let anchored = anchors[name] else {
                diagnostics.error("alias '*\(name)' refers to no anchor defined before it", at: location)
                return .failed
            }
            // An alias denotes a whole copy of its anchor's subtree: count all of it.
            return attach(anchored.node, weight: anchored.weight, at: location, anchor: nil)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < limits.maximumDepth else {
                diagnostics.error(
                    "nesting deeper than \(limits.maximumDepth) levels; the document is too deep to be a spec",
                    at: location)
                return .failed
            }
            let anchor =
                event.type == YAML_SEQUENCE_START_EVENT
                ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            stack.append(
                Frame(
                    isMapping: isMapping,
                    location: location,
                    anchor: anchor.map { String(cString: $0) },
                    start: isMapping ? openPairs.count : openItems.count))
            return .continue
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            let content: YAMLNode.Content
            if frame.isMapping {
                content = .mapping(Self.take(&openPairs, from: frame.start))
            } else {
                content = .sequence(Self.take(&openItems, from: frame.start))
            }
            // Children were counted as they arrived; the collection itself adds one node.
            return attach(
                YAMLNode(content, at: frame.location), weight: frame.weight, counted: 1, at: location, anchor: nil,
                frameAnchor: frame.anchor)
        default:
            return .continue
        }
    }

    /// Adds a finished node to its parent. `weight` is the size of its expanded subtree, `counted` how many
    /// nodes it adds to the document's total that were not counted already (nil: all of `weight`).
    private mutating func attach(
        _ node: YAMLNode,
        weight: Int,
        counted: Int? = nil,
        at location: SourceLocation,
        anchor: UnsafeMutablePointer<yaml_char_t>?,
        frameAnchor: String? = nil
    ) -> Step {
        expandedNodes += counted ?? weight
        guard expandedNodes <= limits.maximumExpandedNodes else {
            diagnostics.error(
                "aliases expand to more than \(limits.maximumExpandedNodes) nodes; refusing an alias bomb",
                at: location)
            return .failed
        }
        if let name = frameAnchor ?? anchor.map({ String(cString: $0) }) {
            anchors[name] = (node, weight)
        }
        guard !stack.isEmpty else {
            root = node
            return .continue
        }
        stack[stack.count - 1].weight += weight
        if !stack[stack.count - 1].isMapping {
            openItems.append(node)
        } else if let key = stack[stack.count - 1].pendingKey {
            stack[stack.count - 1].pendingKey = nil
            if let text = key.scalar?.text {
                if let first = stack[stack.count - 1].keyLines[text] {
                    diagnostics.error(
                        "duplicate key '\(text)'; it was already defined at line \(first.line)", at: key.location)
                } else {
                    stack[stack.count - 1].keyLines[text] = key.location
                }
            }
            openPairs.append(YAMLPair(key: key, value: node))
        } else {
            stack[stack.count - 1].pendingKey = node
        }
        return .continue
    }

    /// The children from `start` on, removed from `open`, in an array of their exact count. (`Array(slice)`
    /// would share `open`'s whole buffer, spare capacity and all, whenever the slice starts at 0.)
    private static func take<Element>(_ open: inout [Element], from start: Int) -> [Element] {
        var taken: [Element] = []
        taken.reserveCapacity(open.count - start)
        taken.append(contentsOf: open[start...])
        open.removeSubrange(start...)
        return taken
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer, length > 0 else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
