import KilnOpenAPI
import KilnYAML

/// An object schema as a struct: `let` properties in spec order, a memberwise initializer, and inline
/// types nested inside. Models are Equatable but not Hashable: synthesized Hashable nearly doubled the
/// debug compile time of large specs (Twilio) for little use. `init(from:)`, `encode(to:)` and `==` are
/// written out with the runtime's single-overload helpers (`ModelKey`, `field`, `fieldsEqual`): no
/// `CodingKeys` enum and no synthesized bodies, which cut the debug compile of Twilio's models by a third.
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
        /// `PatchValue<T>`: absent unless set, and able to carry an explicit null.
        var isPatch = false
        /// `readOnly`: decoded from responses, never sent in a request body.
        var isReadOnly = false
        /// The schema's `default` as a Swift literal: an optional field with one is non-optional and
        /// decodes to it when the key is missing.
        var defaultLiteral: String?
        /// A string `const` as a Swift literal: decoding rejects any other value, so an untagged
        /// `oneOf` (an error envelope with `status: Error`) tells its variants apart.
        var constLiteral: String?
        /// Required but nullable: optional in Swift, yet the key is always sent, as `null` for nil.
        var encodesNull = false
    }

    func build(documentation: [String]) -> Declaration {
        var nested: [Declaration] = []
        var typeScope = memberTypeScope()
        let properties = self.properties(nested: &nested, typeScope: &typeScope)
        let extra = AdditionalPropertiesMember(
            translator: translator, schema: schema, component: component, memberNames: properties.map(\.name),
            nested: &nested, typeScope: &typeScope)
        var members: [Declaration] = properties.map(storedProperty)
        if let extra { members.append(extra.storedProperty(access: translator.access)) }
        members.append(.initializer(memberwiseInitializer(properties, extra: extra)))
        members.append(.initializer(decoder(properties, extra: extra)))
        members.append(.function(encoder(properties, extra: extra)))
        members.append(.function(equality(properties, extra: extra)))
        members += nested
        return .type(
            TypeDeclaration(
                info: translator.info(documentation), kind: .struct, name: typeName,
                conformances: ["Codable", "Equatable", "Sendable"], members: members))
    }

    /// The memberwise initializer's parameters as code outside the struct spells them (nested types qualified
    /// with the struct's name), for a method that takes the fields one by one (a multipart upload); nil
    /// when a nested type hides inside a generic type name, which this cannot qualify.
    func initializerParameters() -> [Parameter]? {
        var nested: [Declaration] = []
        var typeScope = memberTypeScope()
        let properties = self.properties(nested: &nested, typeScope: &typeScope)
        let nestedNames = Set(nested.compactMap { declaration -> String? in
            switch declaration {
            case .type(let type): type.name
            case .typealias(let alias): alias.name
            default: nil
            }
        })
        var parameters: [Parameter] = []
        for var parameter in memberwiseInitializer(properties, extra: nil).parameters {
            guard let type = parameter.type.qualifying(nestedNames, with: typeName) else { return nil }
            parameter.type = type
            parameters.append(parameter)
        }
        return parameters
    }

    /// Names nested types must avoid: the struct's own, and the components its properties refer to.
    private func memberTypeScope() -> NameScope {
        let referenced = translator.referencedComponentTypeNames(
            in: [schema] + translator.analysis.mergedObject(schema).properties.values)
        return NameScope(reserved: referenced.union([typeName, "CodingKeys"]))
    }

    private func properties(nested: inout [Declaration], typeScope: inout NameScope) -> [Property] {
        let merged = translator.analysis.mergedObject(schema)
        let names = Self.memberNames(merged.properties)
        return zip(merged.properties, names).map { entry, name in
            let (wireName, propertySchema) = entry
            let preferred = propertySchema.extensions["x-kiln-name"]?.scalar?.text ?? wireName
            var type = translator.swiftType(
                for: propertySchema, hint: SwiftNaming.typeName(preferred), owner: component, nested: &nested,
                scope: &typeScope)
            let isOptional = !merged.required.contains(wireName) || propertySchema.readOnly || propertySchema.writeOnly
            let isPatch =
                isOptional && type.isOptional && component.map(translator.patchBodySchemas.contains) == true
            var constLiteral: String?
            if type.unwrapped == .string, case .string(let text)? = propertySchema.constValue?.scalar?.resolved {
                constLiteral = SwiftLiteral.string(text)
            }
            let defaultLiteral =
                isOptional && !type.isOptional && !propertySchema.readOnly && !propertySchema.writeOnly
                ? Self.literal(propertySchema.defaultValue, for: type) : nil
            if isPatch {
                type = .named("PatchValue<\(type.unwrapped)>")
            } else if isOptional && defaultLiteral == nil {
                // Read-only and write-only fields are absent in one direction, so neither side must supply them.
                type = type.optional
            }
            return Property(
                wireName: wireName, name: name, type: type,
                documentation: Documentation.lines(summary: propertySchema.title, description: propertySchema.description),
                isIndirect: translator.needsIndirection(owner: component, propertySchema: propertySchema),
                isLenientNumber: translator.isLenientNumber(propertySchema),
                isPatch: isPatch, isReadOnly: propertySchema.readOnly, defaultLiteral: defaultLiteral,
                constLiteral: constLiteral, encodesNull: !isOptional && type.isOptional)
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

    /// Optional fields default to nil, except required nullable ones: the caller must say what to send.
    private func memberwiseInitializer(_ properties: [Property], extra: AdditionalPropertiesMember?) -> InitializerDeclaration {
        var parameters = properties.map { property in
            Parameter(
                name: property.name, type: property.type,
                defaultValue: property.isPatch
                    ? ".absent" : property.defaultLiteral ?? (property.type.isOptional && !property.encodesNull ? "nil" : nil))
        }
        var body: [Statement] = properties.map { .line("self.\(SwiftNaming.unescaped($0.name)) = \($0.name)") }
        if let extra {
            parameters.append(Parameter(name: extra.name, type: extra.type, defaultValue: "[:]"))
            body.append(.line("self.\(SwiftNaming.unescaped(extra.name)) = \(extra.name)"))
        }
        return InitializerDeclaration(info: DeclarationInfo(access: translator.access), parameters: parameters, body: body)
    }

    /// `init(from:)`: plain properties through `field`/`optionalField` (the type comes from the
    /// property), lenient numbers, defaults and patch values through the typed calls they need.
    private func decoder(_ properties: [Property], extra: AdditionalPropertiesMember?) -> InitializerDeclaration {
        var body: [Statement] = []
        if !properties.isEmpty { body.append(.line("let container = try decoder.modelContainer()")) }
        for property in properties {
            let optional = property.type.isOptional || property.defaultLiteral != nil
            let type = property.type.unwrapped
            let key = SwiftLiteral.string(property.wireName)
            let target = "self.\(SwiftNaming.unescaped(property.name))"
            if property.isPatch {
                body.append(.line("\(target) = try container.decode(\(type).self, forKey: ModelKey(\(key)))"))
            } else if property.isLenientNumber {
                let method = optional ? "decodeLenientIfPresent" : "decodeLenient"
                let fallback = property.defaultLiteral.map { " ?? \($0)" } ?? ""
                body.append(.line("\(target) = try container.\(method)(\(type).self, forKey: ModelKey(\(key)))\(fallback)"))
            } else if let literal = property.defaultLiteral {
                body.append(.line("\(target) = try container.decodeIfPresent(\(type).self, forKey: ModelKey(\(key))) ?? \(literal)"))
            } else {
                body.append(.line("\(target) = try container.\(optional ? "optionalField" : "field")(\(key))"))
            }
        }
        for property in properties {
            guard let literal = property.constLiteral, !property.isPatch else { continue }
            let condition = property.type.isOptional
                ? "if let value = self.\(SwiftNaming.unescaped(property.name)), value != \(literal)"
                : "if self.\(SwiftNaming.unescaped(property.name)) != \(literal)"
            body.append(
                .block(
                    condition,
                    [.line("throw DecodingError.dataCorruptedError(forKey: ModelKey(\(SwiftLiteral.string(property.wireName))), in: container, debugDescription: \(SwiftLiteral.string("expected the constant " + literal)))")],
                    footer: "}"))
        }
        if let extra {
            let named = properties.map { SwiftLiteral.string($0.wireName) }.joined(separator: ", ")
            body.append(extra.decodeLine(excluding: "[\(named)]"))
        }
        return InitializerDeclaration(
            info: DeclarationInfo(access: translator.access),
            parameters: [Parameter(label: "from", name: "decoder", type: .named("any Decoder"))],
            throwsClause: "throws", body: body)
    }

    /// `encode(to:)`: nil optionals are left out, except for required nullable fields, which are sent as
    /// `null`. `readOnly` fields are encoded in responses (round trips, caches) but left out of request bodies.
    private func encoder(_ properties: [Property], extra: AdditionalPropertiesMember?) -> FunctionDeclaration {
        var body: [Statement] = []
        // First, so a named property that is also in the dictionary is written last and wins.
        if let extra { body.append(extra.encodeLine) }
        if !properties.isEmpty { body.append(.line("var container = encoder.modelContainer()")) }
        for property in properties {
            let key = SwiftLiteral.string(property.wireName)
            // `self.`: a property may be called `container` or `encoder`, like the locals here.
            let value = "self.\(SwiftNaming.unescaped(property.name))"
            let line: String
            if property.isPatch {
                // PatchValue's own overload leaves an absent value out.
                line = "try container.encode(\(value), forKey: ModelKey(\(key)))"
            } else {
                let method = property.type.isOptional && !property.encodesNull ? "optionalField" : "field"
                line = "try container.\(method)(\(value), \(key))"
            }
            body.append(property.isReadOnly ? .block("if !encoder.isEncodingRequestBody", [.line(line)], footer: "}") : .line(line))
        }
        return FunctionDeclaration(
            info: DeclarationInfo(access: translator.access), name: "encode",
            parameters: [Parameter(label: "to", name: "encoder", type: .named("any Encoder"))],
            throwsClause: "throws", body: body)
    }

    /// `==` over every stored property, one `fieldsEqual` condition each.
    private func equality(_ properties: [Property], extra: AdditionalPropertiesMember?) -> FunctionDeclaration {
        let names = properties.map { SwiftNaming.unescaped($0.name) } + (extra.map { [SwiftNaming.unescaped($0.name)] } ?? [])
        let conditions = names.map { "fieldsEqual(lhs.\($0), rhs.\($0))" }
        let body: [Statement]
        switch conditions.count {
        case 0: body = [.line("true")]
        case 1: body = [.line(conditions[0])]
        default:
            body = [
                .opened(
                    "guard \(conditions[0]),", conditions.dropFirst().enumerated().map { index, condition in
                        .line(condition + (index == conditions.count - 2 ? "" : ","))
                    }, closing: "else { return false }"),
                .line("return true"),
            ]
        }
        return FunctionDeclaration(
            info: DeclarationInfo(access: translator.access), modifiers: ["static"], name: "== ",
            parameters: [Parameter(name: "lhs", type: .named("Self")), Parameter(name: "rhs", type: .named("Self"))],
            returnType: .named("Bool"), body: body)
    }

    /// A scalar `default` that fits a primitive type as a literal; nil for anything else (enums,
    /// objects, dates), which stay optional.
    static func literal(_ node: YAMLNode?, for type: SwiftType) -> String? {
        guard let scalar = node?.scalar else { return nil }
        switch (type, scalar.resolved) {
        case (.string, .string(let text)): return SwiftLiteral.string(text)
        case (.bool, .bool(let flag)): return flag ? "true" : "false"
        case (.named("Int"), .integer(let value)), (.named("Int64"), .integer(let value)), (.named("Int32"), .integer(let value)):
            return String(value)
        case (.double, .integer(let value)): return String(value)
        case (.double, .float(let value)) where value.isFinite: return "\(value)"
        default: return nil
        }
    }
}
