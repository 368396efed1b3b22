import KilnOpenAPI

/// `oneOf`/`anyOf` as an enum with one case per variant. With a discriminator the decoder reads the
/// discriminating property and decodes exactly that variant; without one it tries the variants in order.
struct OneOfBuilder {
    let translator: ModelTranslator
    let schema: Schema
    let typeName: String
    let component: String?

    private struct Variant {
        var caseName: String
        var type: SwiftType
        var componentName: String?
    }

    /// The enum's cases in order, each with its component for a `$ref` variant: what code that switches
    /// over the enum (a server's action route) must spell.
    var cases: [(caseName: String, componentName: String?, base: String)] {
        var caseScope = NameScope()
        return variantSchemas.enumerated().map { index, variant in
            let componentName = variant.isPureReference ? variant.ref?.componentName : nil
            let base = componentName ?? variant.title ?? describe(variant) ?? "variant\(index + 1)"
            return (caseScope.claim(SwiftNaming.memberName(base)), componentName, base)
        }
    }

    private var variantSchemas: [Schema] {
        (schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf).filter { !translator.analysis.isNullOnly($0) }
    }

    func build(documentation: [String]) -> Declaration {
        var nested: [Declaration] = []
        let variantSchemas = variantSchemas
        var typeScope = NameScope(reserved: translator.referencedComponentTypeNames(in: variantSchemas).union([typeName]))
        let variants = zip(variantSchemas, cases).map { variant, named -> Variant in
            let type = translator.swiftType(
                for: variant, hint: SwiftNaming.typeName(named.base), owner: nil, nested: &nested, scope: &typeScope)
            return Variant(caseName: named.caseName, type: type, componentName: named.componentName)
        }
        var members: [Declaration] = variants.map {
            .enumCase(EnumCaseDeclaration(info: DeclarationInfo(), name: $0.caseName, associatedValues: [$0.type]))
        }
        members.append(.initializer(decoder(variants)))
        members.append(.function(encoder(variants)))
        members += nested
        return .type(
            TypeDeclaration(
                info: translator.info(documentation), kind: .indirectEnum, name: typeName,
                conformances: ["Codable", "Equatable", "Sendable"], members: members))
    }

    /// A case name for an inline variant from its type: `string`, `integer`, `object`...
    private func describe(_ variant: Schema) -> String? {
        guard variant.types.count == 1, let type = variant.types.first else { return nil }
        return type.rawValue
    }

    private func decoder(_ variants: [Variant]) -> InitializerDeclaration {
        let body: [Statement]
        if let discriminator = schema.discriminator, variants.allSatisfy({ $0.componentName != nil }) {
            body = discriminated(variants, discriminator)
        } else if let discriminator = schema.discriminator, variants.contains(where: { $0.componentName != nil }) {
            body = partlyDiscriminated(variants, discriminator)
        } else {
            body = [.line("let container = try decoder.singleValueContainer()")] + inOrder(variants)
        }
        return InitializerDeclaration(
            info: DeclarationInfo(access: translator.access),
            parameters: [Parameter(label: "from", name: "decoder", type: .named("any Decoder"))],
            throwsClause: "throws", body: body)
    }

    /// Each variant tried in turn; the first that decodes wins.
    private func inOrder(_ variants: [Variant]) -> [Statement] {
        var statements: [Statement] = [.line("var errors: [any Error] = []")]
        for variant in variants {
            statements.append(
                .line(
                    "do { self = .\(variant.caseName)(try container.decode(\(variant.type).self)); return } "
                        + "catch { errors.append(error) }"))
        }
        statements.append(.line("throw OneOfDecodingError.noVariantMatched(\(SwiftLiteral.string(typeName)), codingPath: decoder.codingPath, errors: errors)"))
        return statements
    }

    /// Discriminator values (explicit mapping first, else the component name) per component variant.
    private func discriminatorCases(_ variants: [Variant], _ discriminator: Schema.Discriminator, optional: Bool) -> [SwitchCase] {
        var valuesByComponent: [String: [String]] = [:]
        for (value, target) in discriminator.mapping {
            if let name = Reference(target, at: discriminator.location).componentName {
                valuesByComponent[name, default: []].append(value)
            }
        }
        return variants.compactMap { variant in
            guard let component = variant.componentName else { return nil }
            let values = (valuesByComponent[component] ?? [component]).map { SwiftLiteral.string($0) + (optional ? "?" : "") }
            return SwitchCase(
                "case " + values.joined(separator: ", "),
                [.line("self = .\(variant.caseName)(try container.decode(\(variant.type).self))")])
        }
    }

    /// A discriminator beside inline variants: the named ones are dispatched by value, and a value (or a
    /// missing property) that names none of them falls back to trying the inline ones in order.
    private func partlyDiscriminated(_ variants: [Variant], _ discriminator: Schema.Discriminator) -> [Statement] {
        var cases = discriminatorCases(variants, discriminator, optional: true)
        cases.append(SwitchCase("default", inOrder(variants.filter { $0.componentName == nil })))
        return [
            .line("let container = try decoder.singleValueContainer()"),
            .switch("try? decoder.discriminator(\(SwiftLiteral.string(discriminator.propertyName)))", cases),
        ]
    }

    private func discriminated(_ variants: [Variant], _ discriminator: Schema.Discriminator) -> [Statement] {
        // Explicit mapping first; variants it does not mention are known by their component name.
        var cases = discriminatorCases(variants, discriminator, optional: false)
        cases.append(
            SwitchCase(
                "case let value",
                [.line("throw OneOfDecodingError.unknownDiscriminator(value, type: \(SwiftLiteral.string(typeName)), codingPath: decoder.codingPath)")]))
        return [
            .line("let container = try decoder.singleValueContainer()"),
            .switch("try decoder.discriminator(\(SwiftLiteral.string(discriminator.propertyName)))", cases),
        ]
    }

    private func encoder(_ variants: [Variant]) -> FunctionDeclaration {
        FunctionDeclaration(
            info: DeclarationInfo(access: translator.access), name: "encode",
            parameters: [Parameter(label: "to", name: "encoder", type: .named("any Encoder"))],
            throwsClause: "throws",
            body: [
                .line("var container = encoder.singleValueContainer()"),
                .switch(
                    "self",
                    variants.map { SwitchCase("case .\($0.caseName)(let value)", [.line("try container.encode(value)")]) }),
            ])
    }
}
