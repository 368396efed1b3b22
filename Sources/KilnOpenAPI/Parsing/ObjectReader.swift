import KilnDiagnostics
import KilnYAML

/// Reads the fields of one OpenAPI object, checking each value's type, and afterwards reports the fields
/// nobody read: `x-` fields become extensions, anything else is an unknown field (OpenAPI forbids them).
final class ObjectReader {
    let node: YAMLNode
    let what: String
    let context: ParseContext
    private let pairs: [YAMLPair]
    /// Which pairs were read, by index: a schema reader asks for some 45 fields of which a few exist, so
    /// marking the pairs found (not hashing every name asked for) keeps a lookup to a scan of the few pairs.
    private var consumed: [Bool]
    /// Read from a `$ref`'s target: one level of expansion, left when this reader is done.
    private let expanded: Bool

    init(node: YAMLNode, pairs: [YAMLPair], what: String, context: ParseContext, expanded: Bool = false) {
        self.node = node
        self.pairs = pairs
        self.consumed = Array(repeating: false, count: pairs.count)
        self.what = what
        self.context = context
        self.expanded = expanded
    }

    deinit {
        if expanded { context.references.leaveExpansion() }
    }

    var location: SourceLocation { node.location }

    func has(_ key: String) -> Bool {
        index(of: key) != nil
    }

    /// The raw value of `key`, marking it read.
    func value(_ key: String) -> YAMLNode? {
        guard let index = index(of: key) else { return nil }
        markRead(key, from: index)
        return pairs[index].value
    }

    /// Marks fields as read without interpreting them (allowed but not used by Kiln).
    func ignore(_ keys: String...) {
        for key in keys { markRead(key) }
    }

    private func index(of key: String) -> Int? {
        pairs.firstIndex { $0.key.isPlainKey(key) }
    }

    /// Every pair named `key` from `start` on counts as read (a repeated key is reported by the loader, not
    /// as unknown); `value` starts at the first match it found.
    private func markRead(_ key: String, from start: Int = 0) {
        for index in start..<pairs.count where pairs[index].key.isPlainKey(key) { consumed[index] = true }
    }

    func string(_ key: String) -> String? {
        value(key).flatMap { context.text($0, "'\(key)'") }
    }

    func requiredString(_ key: String) -> String? {
        guard let node = value(key) else {
            missing(key)
            return nil
        }
        return context.text(node, "'\(key)'")
    }

    func bool(_ key: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .bool(let flag)? = node.scalar?.resolved else {
            context.error("expected true or false for '\(key)', found \(node.kindDescription)", at: node.location)
            return nil
        }
        return flag
    }

    func number(_ key: String) -> Double? {
        guard let node = value(key) else { return nil }
        guard let number = node.scalar?.number else {
            context.error("expected a number for '\(key)', found \(node.kindDescription)", at: node.location)
            return nil
        }
        return number
    }

    func nonNegativeInteger(_ key: String) -> Int? {
        guard let node = value(key) else { return nil }
        // 3.0 tooling sometimes writes `maxLength: 10.0`; accept whole floats.
        guard let number = node.scalar?.number, number >= 0, number == number.rounded(), number < 1e15 else {
            context.error(
                "expected a non-negative integer for '\(key)', found \(node.kindDescription)", at: node.location)
            return nil
        }
        return Int(number)
    }

    func stringList(_ key: String) -> [String]? {
        value(key).flatMap { context.stringList($0, "'\(key)'") }
    }

    func list(_ key: String) -> [YAMLNode]? {
        guard let raw = value(key), let node = context.dereferenced(raw) else { return nil }
        if context.isEmptyValue(node, key) { return nil }
        guard let items = node.sequence else {
            context.error("expected a list for '\(key)', found \(node.kindDescription)", at: node.location)
            return nil
        }
        return items
    }

    func missing(_ key: String) {
        context.error("\(what) is missing the required field '\(key)'", at: node.location)
    }

    /// Reports unread non-extension fields and returns the `x-` extensions.
    func finish() -> Extensions {
        var extensions = Extensions()
        for (index, pair) in pairs.enumerated() {
            guard let key = pair.key.scalar?.text else {
                context.error("expected a field name, found \(pair.key.kindDescription)", at: pair.key.location)
                continue
            }
            if key.hasPrefix("x-") {
                extensions[key] = pair.value
            } else if !consumed[index] {
                context.warning("unknown field '\(key)' in \(what); it is ignored", at: pair.key.location)
            }
        }
        return extensions
    }
}
