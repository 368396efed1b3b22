import KilnOpenAPI

/// The Swift type of a parameter's or a response header's schema: both are sent with the same styles, so
/// they are typed alike (a query parameter and an `X-Rate-Limit` header are both `Int`).
struct ParameterTyping {
    let translator: ModelTranslator

    /// How a value of the type is sent.
    enum Sending {
        case styled
        /// As JSON text, as intended: no schema (`content:`), or an array of structures.
        case json
        /// As JSON text because no style can express the type (a oneOf enum, say): worth a warning.
        case jsonInstead
    }

    /// `type` is not yet optional for an optional value. Inline types are declared into `types`.
    func type(of schema: Schema?, hint: String, types: inout [Declaration]) -> (type: SwiftType, sending: Sending) {
        var typeScope = translator.topLevelScope
        var type = schema.map { translator.swiftType(for: $0, hint: hint, owner: nil, nested: &types, scope: &typeScope) } ?? .string
        translator.topLevelScope = typeScope
        type = parameterType(type)
        if case .json = type.unwrapped { type = .string }
        if case .dictionary = type.unwrapped { type = .string }
        if case .named(let typeName) = type.unwrapped, translator.structTypes.contains(typeName) {
            translator.parameterTypes.insert(typeName)
        }
        if schema == nil || isArrayOfStructures(type.unwrapped) { return (type, .json) }
        return (type, translator.parameterEncodability.canEncode(type.unwrapped) ? .styled : .jsonInstead)
    }

    /// A value is optional at most once, and a query array has no way to send a null element: an alias
    /// of an optional (`MaybeName = String?`) is replaced by its target, and `[Id?]` becomes `[Id]`.
    private func parameterType(_ type: SwiftType) -> SwiftType {
        var type = type
        if case .named(let name) = type.unwrapped, let target = translator.aliasTypes[name], target.isOptional {
            type = target
        }
        if case .array(.optional(let element)) = type.unwrapped {
            type = type.isOptional ? .optional(.array(element)) : .array(element)
        }
        return type
    }

    private func isArrayOfStructures(_ type: SwiftType) -> Bool {
        guard case .array(let element) = type else { return false }
        switch element.unwrapped {
        case .array, .dictionary: return true
        case .named(let name): return translator.structTypes.contains(name) || name == "JSONValue"
        default: return false
        }
    }
}
