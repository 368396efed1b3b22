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

    public var unwrapped: SwiftType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }
}
