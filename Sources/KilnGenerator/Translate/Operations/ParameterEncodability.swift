/// Whether the runtime's `ParameterEncodable` can send a Swift type as a path, query, header or cookie
/// parameter. A type it cannot (a oneOf enum, an array of optionals or of objects, an alias of an
/// optional) is sent as JSON text instead, which every generated type supports.
struct ParameterEncodability {
    /// Runtime and Foundation types that conform to `ParameterPrimitive`.
    static let primitives: Set<String> = [
        "String", "Bool", "Int", "Int32", "Int64", "Double", "Float", "Date", "CalendarDate", "UUID", "Data",
    ]

    /// Generated enums of plain values: they conform to `ParameterPrimitive`.
    var primitiveTypes: Set<String>
    /// Generated structs: they get a `ParameterEncodable` conformance when used as a parameter.
    var structTypes: Set<String>
    var aliases: [String: SwiftType]

    /// `type` is the parameter's type without its own optionality.
    func canEncode(_ type: SwiftType) -> Bool {
        switch type {
        case .named(let name):
            // An alias decides by its target: a struct turned into an alias (of an optional, say) is no struct.
            if let target = aliases[name] { return canEncode(target) }
            return isPrimitive(type) || structTypes.contains(name)
        case .array(let element):
            return isPrimitive(element)
        case .optional, .dictionary, .function:
            return false
        }
    }

    private func isPrimitive(_ type: SwiftType, depth: Int = 0) -> Bool {
        guard case .named(let name) = type else { return false }
        if Self.primitives.contains(name) || primitiveTypes.contains(name) { return true }
        // Aliases of aliases are rare and short; the bound ends an unexpected cycle.
        guard depth < 16, let target = aliases[name] else { return false }
        return isPrimitive(target, depth: depth + 1)
    }
}
