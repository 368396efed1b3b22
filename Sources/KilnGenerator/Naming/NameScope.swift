/// Hands out unique names within one scope (the members of a type, the types of a file), in the order
/// they are asked for, so the same spec always yields the same names.
public struct NameScope: Sendable {
    private var taken: Set<String>

    public init(reserved: Set<String> = []) {
        taken = reserved
    }

    /// `preferred` if free, else `preferred2`, `preferred3`, ...
    public mutating func claim(_ preferred: String) -> String {
        let bare = preferred.hasPrefix("`") ? String(preferred.dropFirst().dropLast()) : preferred
        var candidate = bare
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(bare)\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate == bare && preferred.hasPrefix("`") ? preferred : candidate
    }

    /// As `claim`, also passing over `reserved`: names others will claim later (a derived method's name
    /// yields to an operation's own).
    public mutating func claim(_ preferred: String, avoiding reserved: Set<String>) -> String {
        var scope = self
        scope.taken.formUnion(reserved)
        let name = scope.claim(preferred)
        taken.insert(SwiftNaming.unescaped(name))
        return name
    }

    public func contains(_ name: String) -> Bool { taken.contains(name) }
}
