import KilnDiagnostics

/// A `$ref` as written, where it was written. After resolution every reference in a document is local and
/// names a component: `#/components/<kind>/<name>`.
public struct Reference: Sendable, Hashable {
    public var ref: String
    public var location: SourceLocation

    public init(_ ref: String, at location: SourceLocation) {
        self.ref = ref
        self.location = location
    }

    /// The component name, when the reference has the resolved form `#/components/<kind>/<name>`.
    public var componentName: String? {
        let prefix = "#/components/"
        guard ref.hasPrefix(prefix) else { return nil }
        let rest = ref.dropFirst(prefix.count).split(separator: "/", maxSplits: 1)
        guard rest.count == 2 else { return nil }
        return JSONPointer.unescape(String(rest[1]))
    }
}

/// Either a reference to a component or the object written inline.
public enum Referenceable<Value: Sendable>: Sendable {
    case reference(Reference)
    case value(Value)

    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    public var reference: Reference? {
        if case .reference(let reference) = self { return reference }
        return nil
    }
}
