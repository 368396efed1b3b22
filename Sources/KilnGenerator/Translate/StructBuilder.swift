import KilnOpenAPI

/// An object schema as a struct: `let` properties in spec order, wire names kept in CodingKeys, a
/// memberwise initializer, and inline types nested inside. Models are Equatable but not Hashable:
/// synthesized Hashable nearly doubled the debug compile time of large specs (Twilio) for little use.
struct StructBuilder {
    let translator: ModelTranslator
    let schema: Schema
    let typeName: String
    let component: String?

    struct Property {
        var wireName: String
        var name: String
        var type: SwiftType
        var documentation: [String]
        var isIndirect: Bool
        var isLenientNumber: Bool
    }

    func build(documentation: [String]) -> Declaration {
        var nested: [Declaration] = []
        let properties = self.properties(nested: &nested)
        var members: [Declaration] = properties.map(storedProperty)
        members.append(.initializer(memberwiseInitializer(properties)))
        if properties.contains(where: \.isLenientNumber) {
            members.append(.initializer(lenientDecoder(properties)))
        }
        members.append(.type(codingKeys(properties)))
        members += nested
        return .type(
            TypeDeclaration(
                info: translator.info(documentation), kind: .struct, name: typeName,
                conformances: ["Codable", "Equatable", "Sendable"], members: members))
    }

    private func properties(nested: inout [Declaration]) -> [Property] {
        let merged = translator.analysis.mergedObject(schema)
        let names = Self.memberNames(merged.properties)
        var typeScope = NameScope(reserved: [typeName, "CodingKeys"])
        return zip(merged.properties, names).map { entry, name in
            let (wireName, propertySchema) = entry
            let preferred = propertySchema.extensions["x-kiln-name"]?.scalar?.text ?? wireName
            var type = translator.swiftType(
                for: propertySchema, hint: SwiftNaming.typeName(preferred), owner: component, nested: &nested,
                scope: &typeScope)
            // Read-only and write-only fields are absent in one direction, so neither side must supply them.
            if !merged.required.contains(wireName) || propertySchema.readOnly || propertySchema.writeOnly {
                type = type.optional
            }
            return Property(
                wireName: wireName, name: name, type: type,
                documentation: Documentation.lines(summary: propertySchema.title, description: propertySchema.description),
                isIndirect: translator.needsIndirection(owner: component, propertySchema: propertySchema),
                isLenientNumber: propertySchema.extensions["x-kiln-lenient-number"]?.scalar?.resolved == .bool(true))
        }
    }

    /// Swift names of an object's properties; multipart encoding relies on getting the same names.
    static func memberNames(_ properties: OrderedMap<Schema>) -> [String] {
        var scope = NameScope()
        return properties.map { wireName, schema in
            scope.claim(SwiftNaming.memberName(schema.extensions["x-kiln-name"]?.scalar?.text ?? wireName))
        }
    }

    private func storedProperty(_ property: Property) -> Declaration {
        // A struct cannot store itself; the runtime's Indirect wrapper boxes recursive properties.
        .variable(
            VariableDeclaration(
                info: DeclarationInfo(
                    documentation: property.documentation, access: translator.access,
                    attributes: property.isIndirect ? ["@Indirect"] : []),
                isLet: !property.isIndirect, name: property.name, type: property.type))
    }

    private func memberwiseInitializer(_ properties: [Property]) -> InitializerDeclaration {
        InitializerDeclaration(
            info: DeclarationInfo(access: translator.access),
            parameters: properties.map { property in
                Parameter(
                    name: property.name, type: property.type, defaultValue: property.type.isOptional ? "nil" : nil)
            },
            body: properties.map { .line("self.\(bare($0.name)) = \($0.name)") })
    }

    /// Only for structs with lenient numbers: everything else uses the synthesized decoder.
    private func lenientDecoder(_ properties: [Property]) -> InitializerDeclaration {
        var body: [Statement] = [.line("let container = try decoder.container(keyedBy: CodingKeys.self)")]
        for property in properties {
            let optional = property.type.isOptional
            let type = property.type.unwrapped
            let method: String
            if property.isLenientNumber {
                method = optional ? "decodeLenientIfPresent" : "decodeLenient"
            } else {
                method = optional ? "decodeIfPresent" : "decode"
            }
            body.append(.line("self.\(bare(property.name)) = try container.\(method)(\(type).self, forKey: .\(property.name))"))
        }
        return InitializerDeclaration(
            info: DeclarationInfo(access: translator.access),
            parameters: [Parameter(label: "from", name: "decoder", type: .named("any Decoder"))],
            throwsClause: "throws", body: body)
    }

    private func codingKeys(_ properties: [Property]) -> TypeDeclaration {
        TypeDeclaration(
            info: DeclarationInfo(), kind: .enum, name: "CodingKeys", conformances: ["String", "CodingKey"],
            members: properties.map { property in
                let raw = bare(property.name) == property.wireName ? nil : SwiftLiteral.string(property.wireName)
                return .enumCase(EnumCaseDeclaration(info: DeclarationInfo(), name: property.name, rawValue: raw))
            })
    }

    private func bare(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }
}
