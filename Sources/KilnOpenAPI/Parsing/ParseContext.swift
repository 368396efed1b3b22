import KilnDiagnostics
import KilnYAML

/// What every parse function needs: where problems go and which OpenAPI version rules apply.
struct ParseContext {
    var version: OpenAPIDocument.Version
    var diagnostics: DiagnosticCollector
    /// Follows `$ref`s where OpenAPI has no Reference Object (see `NodeReferences`).
    var references: NodeReferences

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.error(message, at: location)
    }

    func warning(_ message: String, at location: SourceLocation) {
        diagnostics.warning(message, at: location)
    }

    /// Reads the fields of an object node; reports a non-mapping as "expected <what>".
    /// `{$ref: X}` is read as X's target, unless the object itself gives `$ref` a meaning (`keepingRef`:
    /// schemas and path items, whose refs ReferenceResolver turns into component references).
    func object(_ node: YAMLNode, _ what: String, keepingRef: Bool = false) -> ObjectReader? {
        var node = node
        var expanded = false
        if !keepingRef, NodeReferences.refText(of: node) != nil {
            guard let target = expand(node) else { return nil }
            node = target
            expanded = true
        }
        guard let pairs = node.mapping else {
            if expanded { references.leaveExpansion() }
            error("expected \(what) (a mapping), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return ObjectReader(node: node, pairs: pairs, what: what, context: self, expanded: expanded)
    }

    /// The target of a `{$ref}` node, counted as one expansion until the caller leaves it.
    private func expand(_ node: YAMLNode) -> YAMLNode? {
        guard references.enterExpansion() else {
            references.leaveExpansion()
            error(
                "$refs nest more than \(NodeReferences.maximumExpansionDepth) levels deep here; they form a cycle",
                at: node.location)
            return nil
        }
        guard let target = references.dereference(node, version: version) else {
            references.leaveExpansion()
            return nil
        }
        return target
    }

    /// A `{$ref}` node where a plain value (a string, a list) is expected becomes its target.
    func dereferenced(_ node: YAMLNode) -> YAMLNode? {
        guard NodeReferences.refText(of: node) != nil else { return node }
        guard let target = expand(node) else { return nil }
        references.leaveExpansion()
        return target
    }

    /// Parses a map of named objects (`components.schemas`, `responses`, ...), keeping spec order.
    func map<T>(_ node: YAMLNode, _ what: String, _ parse: (String, YAMLNode) -> T?) -> OrderedMap<T> {
        mapPairs(node, what) { key, pair in parse(key, pair.value) }
    }

    /// `map`, for callers that also need the key node: a problem with the key itself (an invalid status
    /// code, a malformed path) is reported where the key stands, not at its value on the next line.
    func mapPairs<T>(_ node: YAMLNode, _ what: String, _ parse: (String, YAMLPair) -> T?) -> OrderedMap<T> {
        var result = OrderedMap<T>()
        if isEmptyValue(node, what) { return result }
        var node = node
        let expanded = NodeReferences.refText(of: node) != nil
        if expanded {
            guard let target = expand(node) else { return result }
            node = target
        }
        defer { if expanded { references.leaveExpansion() } }
        guard let pairs = node.mapping else {
            error("expected \(what) (a mapping), found \(node.kindDescription)", at: node.location)
            return result
        }
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                error("expected a name as key in \(what), found \(pair.key.kindDescription)", at: pair.key.location)
                continue
            }
            if let value = parse(key, pair) { result[key] = value }
        }
        return result
    }

    /// `parameters:` with nothing after it is null; real specs have it, and it can only mean "none".
    func isEmptyValue(_ node: YAMLNode, _ what: String) -> Bool {
        guard node.scalar?.resolved == .null else { return false }
        warning("\(what.hasPrefix("'") ? what : "'\(what)'") is empty; leave it out or write [] or {}", at: node.location)
        return true
    }

    /// Parses `{$ref: ...}` as a reference, anything else with `parse`.
    func referenceable<T>(_ node: YAMLNode, _ parse: (YAMLNode) -> T?) -> Referenceable<T>? {
        if let refNode = node["$ref"] {
            guard let ref = refNode.scalar?.text, refNode.scalar?.resolved != .null else {
                error("expected the $ref to be a string, found \(refNode.kindDescription)", at: refNode.location)
                return nil
            }
            return .reference(Reference(ref, at: refNode.location))
        }
        return parse(node).map(Referenceable.value)
    }

    /// Reads a scalar as text. YAML authors often leave names and codes unquoted (`name: 42`), which is
    /// unambiguous, so any non-null scalar is accepted as a string (see `checkQuoted` for the exceptions).
    func string(_ node: YAMLNode, _ what: String) -> String? {
        guard let node = dereferenced(node) else { return nil }
        guard let scalar = node.scalar, scalar.resolved != .null else {
            error("expected a string for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return scalar.text
    }

    /// `string`, for fields OpenAPI types as strings: an unquoted number or boolean is read as its text,
    /// with a warning, since a tool that re-serializes the spec would change it (`1.10` to `1.1`).
    func text(_ node: YAMLNode, _ what: String) -> String? {
        guard let node = dereferenced(node), let text = string(node, what) else { return nil }
        switch node.scalar?.resolved {
        case .bool?, .integer?, .float?:
            warning(
                "expected a string for \(what), found \(node.kindDescription); Kiln reads it as the text \"\(text)\"",
                at: node.location)
        default:
            break
        }
        return text
    }

    /// For `openapi` and `info.version`, which OpenAPI defines as strings: unquoted, `3.0` or `1.10` are
    /// YAML numbers, and any tool that re-serializes the spec writes them as `3` and `1.1`.
    func checkQuoted(_ node: YAMLNode, _ what: String) {
        guard let scalar = node.scalar else { return }
        switch scalar.resolved {
        case .integer, .float, .bool:
            warning("expected a string for \(what), found \(node.kindDescription); quote it: \"\(scalar.text)\"", at: node.location)
        case .null, .string:
            break
        }
    }

    /// A 3.1 field in a 3.0 document: read (it does no harm), but the author should know.
    func warnNewerField(_ key: String, in owner: String, at object: ObjectReader) {
        guard version == .v3_0, let node = object.value(key) else { return }
        warning("'\(key)' in \(owner) needs OpenAPI 3.1; a 3.0 document should leave it out", at: node.location)
    }

    func stringList(_ node: YAMLNode, _ what: String) -> [String]? {
        guard let node = dereferenced(node) else { return nil }
        guard let items = node.sequence else {
            error("expected a list of strings for \(what), found \(node.kindDescription)", at: node.location)
            return nil
        }
        return items.compactMap { text($0, "an entry of \(what)") }
    }
}
