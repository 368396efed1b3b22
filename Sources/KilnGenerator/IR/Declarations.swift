/// The Swift IR: declarations as data, so translation decides *what* to emit and the renderer alone
/// decides *how it is spelled and indented*.
public struct SwiftFile: Sendable {
    public var name: String
    public var headerComment: [String]
    public var imports: [String]
    public var declarations: [Declaration]
}

public indirect enum Declaration: Sendable {
    case type(TypeDeclaration)
    case `extension`(ExtensionDeclaration)
    case `typealias`(TypeAliasDeclaration)
    case function(FunctionDeclaration)
    case variable(VariableDeclaration)
    case initializer(InitializerDeclaration)
    case enumCase(EnumCaseDeclaration)
    /// `associatedtype Name: Constraint` in a protocol.
    case associatedType(name: String, constraint: String)
}

public enum AccessLevel: String, Sendable, CaseIterable {
    case `public`, package, `internal`

    /// The keyword with its trailing space; internal is the default and is not spelled out.
    var prefix: String { self == .internal ? "" : rawValue + " " }
}

/// Documentation and provenance shared by all declarations.
public struct DeclarationInfo: Sendable {
    /// Lines of the doc comment, without `///`.
    public var documentation: [String] = []
    public var access: AccessLevel = .internal
    public var attributes: [String] = []

    public init(documentation: [String] = [], access: AccessLevel = .internal, attributes: [String] = []) {
        self.documentation = documentation
        self.access = access
        self.attributes = attributes
    }
}

public struct TypeDeclaration: Sendable {
    public enum Kind: String, Sendable {
        case `struct`, `enum`, `protocol`
        case indirectEnum = "indirect enum"
        case finalClass = "final class"
    }

    public var info: DeclarationInfo
    public var kind: Kind
    public var name: String
    public var conformances: [String]
    public var members: [Declaration]
}

public struct ExtensionDeclaration: Sendable {
    public var info: DeclarationInfo
    public var extendedType: String
    public var conformances: [String]
    public var whereClause: String?
    public var members: [Declaration]
}

public struct TypeAliasDeclaration: Sendable {
    public var info: DeclarationInfo
    public var name: String
    public var type: SwiftType
}

public struct Parameter: Sendable {
    /// The argument label; nil uses the name, "_" omits the label.
    public var label: String?
    public var name: String
    public var type: SwiftType
    public var defaultValue: String?

    public init(label: String? = nil, name: String, type: SwiftType, defaultValue: String? = nil) {
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
    }

    /// The parameter passed on to a method with the same signature: `to: destination`, `portal: portal`, `body`.
    var forwarded: String {
        switch label {
        case "_": name
        case let label?: "\(label): \(name)"
        case nil: "\(SwiftNaming.argumentLabel(name)): \(name)"
        }
    }
}

public struct FunctionDeclaration: Sendable {
    public var info: DeclarationInfo
    public var modifiers: [String] = []
    public var name: String
    public var genericParameters: String? = nil
    public var parameters: [Parameter]
    public var isAsync = false
    public var throwsClause: String? = nil
    public var returnType: SwiftType? = nil
    public var whereClause: String? = nil
    /// nil for a requirement (in a protocol).
    public var body: [Statement]?
}

public struct InitializerDeclaration: Sendable {
    public var info: DeclarationInfo
    public var isFailable = false
    public var parameters: [Parameter]
    public var throwsClause: String? = nil
    public var body: [Statement]
}

public struct VariableDeclaration: Sendable {
    public var info: DeclarationInfo
    public var modifiers: [String] = []
    public var isLet: Bool
    public var name: String
    public var type: SwiftType?
    public var initialValue: String? = nil
    /// A computed property's getter, or nil for a stored property.
    public var getter: [Statement]? = nil
    /// `{ get }` / `{ get set }` in a protocol.
    public var requirement: String? = nil
}

public struct EnumCaseDeclaration: Sendable {
    public var info: DeclarationInfo
    public var name: String
    public var associatedValues: [SwiftType] = []
    /// A raw value literal, already spelled as Swift (`"active"`).
    public var rawValue: String? = nil
}
