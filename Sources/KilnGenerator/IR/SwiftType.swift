/// A Swift type reference as generated code spells it.
public indirect enum SwiftType: Sendable, Hashable, CustomStringConvertible {
    case named(String)
    case optional(SwiftType)
    case array(SwiftType)
    case dictionary(SwiftType)
    case function(String)

    public static let string = SwiftType.named("String")
    public static let int = SwiftType.named("Int")
    public static let bool = SwiftType.named("Bool")
    public static let double = SwiftType.named("Double")
    public static let data = SwiftType.named("Data")
    public static let json = SwiftType.named("JSONValue")
    public static let void = SwiftType.named("Void")

    public var description: String {
        switch self {
        case .named(let name): name
        case .optional(let wrapped): "\(wrapped)?"
        case .array(let element): "[\(element)]"
        case .dictionary(let value): "[String: \(value)]"
        case .function(let text): text
        }
    }

    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// Optional once: never `T??`.
    public var optional: SwiftType { isOptional ? self : .optional(self) }

    /// The type with each of `names` (types nested in `owner`) spelled `Owner.Name`, as code outside the owner
    /// must; nil when one of them occurs inside a generic name (`PatchValue<Kind>`).
    func qualifying(_ names: Set<String>, with owner: String) -> SwiftType? {
        switch self {
        case .named(let name) where names.contains(name): return .named("\(owner).\(name)")
        case .named(let name):
            let words = name.split { !$0.isLetter && !$0.isNumber && $0 != "_" }.map(String.init)
            return words.contains(where: names.contains) ? nil : self
        case .optional(let wrapped): return wrapped.qualifying(names, with: owner).map(SwiftType.optional)
        case .array(let element): return element.qualifying(names, with: owner).map(SwiftType.array)
        case .dictionary(let value): return value.qualifying(names, with: owner).map(SwiftType.dictionary)
        case .function: return self
        }
    }

    public var unwrapped: SwiftType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }
}
