import KilnOpenAPI

/// `additionalProperties` beside named `properties`: a dictionary member that holds the keys the struct
/// does not name, filled by the decoder and written back by the encoder so a round trip keeps them.
/// Structs without it are unchanged (synthesized Codable, no extra member).
struct AdditionalPropertiesMember {
    var name: String
    /// `[String: Value]`.
    var type: SwiftType
    var valueType: SwiftType

    /// Nil when the schema does not allow extra keys, or says nothing about them (the common case).
    init?(
        translator: ModelTranslator, schema: Schema, component: String?, memberNames: [String],
        nested: inout [Declaration], typeScope: inout NameScope
    ) {
        switch schema.additionalProperties {
        case .allowed(true)?:
            valueType = .json
        case .schema(let values)?:
            if values.booleanSchema == false { return nil }
            valueType = translator.swiftType(
                for: values, hint: "AdditionalProperty", owner: component, nested: &nested, scope: &typeScope)
        default:
            return nil
        }
        type = .dictionary(valueType)
        var scope = NameScope(reserved: Set(memberNames.map { $0.hasPrefix("`") ? String($0.dropFirst().dropLast()) : $0 }))
        name = scope.claim("additionalProperties")
    }

    func storedProperty(access: AccessLevel) -> Declaration {
        .variable(
            VariableDeclaration(
                info: DeclarationInfo(documentation: ["Keys of the object not named above, with their values."], access: access),
                isLet: true, name: name, type: type))
    }

    /// `named`: a Swift set literal of the wire names of the named properties.
    func decodeLine(excluding named: String) -> Statement {
        .line("self.\(name) = try decoder.additionalProperties(\(valueType).self, excluding: \(named))")
    }

    var encodeLine: Statement {
        .line("try encoder.encodeAdditionalProperties(self.\(name))")
    }
}
