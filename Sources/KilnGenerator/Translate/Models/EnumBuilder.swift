import KilnOpenAPI
import KilnYAML

/// An `enum:` schema as a Swift enum. Open by default: an unknown wire value decodes into
/// `.unknown(value)` and re-encodes unchanged, so a server adding a value does not break clients.
/// `x-kiln-closed-enum: true` makes it closed; `x-kiln-enum-names` names the cases of integer enums.
struct EnumBuilder {
    let translator: ModelTranslator
    let schema: Schema
    let typeName: String

    enum RawKind { case string, integer }

    /// String or integer when every non-null value is one; nil for mixed enums (those stay JSONValue).
    static func rawType(of schema: Schema, values: [YAMLNode]) -> RawKind? {
        let scalars = values.compactMap(\.scalar).filter { $0.resolved != .null }
        guard scalars.count == values.filter({ $0.scalar?.resolved != .null }).count, !scalars.isEmpty else { return nil }
        if schema.types == [.string] { return .string }
        if scalars.allSatisfy({ if case .integer = $0.resolved { true } else { false } }) {
            return schema.types.isEmpty || schema.types == [.integer] || schema.types == [.number] ? .integer : nil
        }
        if scalars.allSatisfy({ if case .string = $0.resolved { true } else { false } }) {
            return schema.types.isEmpty ? .string : nil
        }
        return nil
    }

    func build(documentation: [String]) -> Declaration {
        let values = (schema.enumValues ?? []).compactMap(\.scalar).filter { $0.resolved != .null }.map(\.text)
        let kind = Self.rawType(of: schema, values: schema.enumValues ?? []) ?? .string
        let closed = schema.extensions["x-kiln-closed-enum"]?.scalar?.resolved == .bool(true)
        let names = caseNames(for: values, reserving: closed ? [] : ["unknown"])
        let rawType = kind == .string ? "String" : "Int"
        let literal: (String) -> String = { kind == .string ? SwiftLiteral.string($0) : $0 }

        var members: [Declaration] = zip(names, values).map { name, value in
            .enumCase(EnumCaseDeclaration(info: DeclarationInfo(), name: name, rawValue: closed ? literal(value) : nil))
        }
        if closed {
            return .type(
                TypeDeclaration(
                    info: translator.info(documentation), kind: .enum, name: typeName,
                    conformances: [rawType, "Codable", "Hashable", "Sendable", "CaseIterable", "ParameterPrimitive", "ParameterEncodable"],
                    members: members))
        }
        members.append(
            .enumCase(
                EnumCaseDeclaration(
                    info: DeclarationInfo(documentation: ["A value this client does not know yet."]), name: "unknown",
                    associatedValues: [.named(rawType)])))
        members.append(
            .initializer(
                InitializerDeclaration(
                    info: DeclarationInfo(access: translator.access),
                    parameters: [Parameter(name: "rawValue", type: .named(rawType))],
                    body: [
                        .switch(
                            "rawValue",
                            zip(names, values).map { SwitchCase("case \(literal($1))", [.line("self = .\($0)")]) }
                                + [SwitchCase("default", [.line("self = .unknown(rawValue)")])])
                    ])))
        members.append(
            .variable(
                VariableDeclaration(
                    info: DeclarationInfo(access: translator.access), isLet: false, name: "rawValue",
                    type: .named(rawType),
                    getter: [
                        .switch(
                            "self",
                            zip(names, values).map { SwitchCase("case .\($0)", [.line(literal($1))]) }
                                + [SwitchCase("case .unknown(let value)", [.line("value")])])
                    ])))
        return .type(
            TypeDeclaration(
                info: translator.info(documentation), kind: .enum, name: typeName, conformances: ["OpenEnum"],
                members: members))
    }

    private func caseNames(for values: [String], reserving reserved: Set<String>) -> [String] {
        let custom = schema.extensions["x-kiln-enum-names"]?.sequence?.compactMap(\.scalar?.text)
        var scope = NameScope(reserved: reserved)
        return values.enumerated().map { index, value in
            if let custom, index < custom.count { return scope.claim(SwiftNaming.caseName(custom[index])) }
            return scope.claim(SwiftNaming.caseName(value))
        }
    }
}
