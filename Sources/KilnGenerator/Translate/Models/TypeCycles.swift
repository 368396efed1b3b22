/// Component types defined in terms of themselves, which Swift rejects or which never finish decoding.
/// Two kinds, resolved in order:
/// - Aliases and oneOf enums that name each other bare (`A = B` with `B = A`, `E: anyOf: [E]`, oneOf C
///   with a variant D whose variant is C): decoding would try the same type forever without reading any
///   input (and `indirect enum E { case e(E) }` does not compile). They become JSONValue, which decodes
///   whatever such a schema admits.
/// - Aliases on a cycle through an array or map (`G = [G]`, `H = [String: H]`): Swift rejects the alias.
///   The array or map alias becomes a struct wrapping the same value (a struct may hold an array of
///   itself), which breaks the cycle and keeps the data.
enum TypeCycles {
    /// `declarations` with the self-referencing ones replaced, and the names of the new wrapper structs.
    static func resolve(_ declarations: [Declaration], access: AccessLevel) -> (declarations: [Declaration], wrappers: Set<String>) {
        resolveWrappingCycles(resolveBareCycles(declarations), access: access)
    }

    /// Aliases and oneOf enums on a cycle of bare references become `typealias X = JSONValue`.
    private static func resolveBareCycles(_ declarations: [Declaration]) -> [Declaration] {
        var bareReferences: [String: [String]] = [:]
        for declaration in declarations {
            switch declaration {
            case .typealias(let alias):
                bareReferences[alias.name] = bareName(alias.type).map { [$0] } ?? []
            case .type(let type) where type.kind == .indirectEnum:
                bareReferences[type.name] = type.members.compactMap { member in
                    guard case .enumCase(let enumCase) = member, enumCase.associatedValues.count == 1 else { return nil }
                    return bareName(enumCase.associatedValues[0])
                }
            default:
                continue
            }
        }
        let edges = bareReferences.mapValues { $0.filter { bareReferences[$0] != nil }.sorted() }
        let cyclic = StronglyConnected.cyclicNodes(edges)
        guard !cyclic.isEmpty else { return declarations }
        return declarations.map { declaration in
            switch declaration {
            case .typealias(var alias) where cyclic.contains(alias.name):
                alias.type = .json
                return .typealias(alias)
            case .type(let type) where type.kind == .indirectEnum && cyclic.contains(type.name):
                return .typealias(TypeAliasDeclaration(info: type.info, name: type.name, type: .json))
            default:
                return declaration
            }
        }
    }

    /// `X` for `X` and `X?`: a type decoded without reading any structure first.
    private static func bareName(_ type: SwiftType) -> String? {
        if case .named(let name) = type.unwrapped { return name }
        return nil
    }

    /// Aliases on a cycle through an array or map: each such array or map alias becomes a wrapper struct.
    private static func resolveWrappingCycles(_ declarations: [Declaration], access: AccessLevel) -> (declarations: [Declaration], wrappers: Set<String>) {
        var aliases: [String: TypeAliasDeclaration] = [:]
        for case .typealias(let alias) in declarations { aliases[alias.name] = alias }
        let edges = aliases.mapValues { alias in namedTypes(in: alias.type).filter { aliases[$0] != nil }.sorted() }
        let cyclic = StronglyConnected.cyclicNodes(edges)
        var wrappers = Set<String>()
        let resolved = declarations.map { declaration -> Declaration in
            guard case .typealias(let alias) = declaration, cyclic.contains(alias.name) else { return declaration }
            switch alias.type.unwrapped {
            case .array, .dictionary:
                wrappers.insert(alias.name)
                return wrapper(alias, access: access)
            default:
                // Bare cycles are gone, so another alias on this one is an array or map and breaks it.
                return declaration
            }
        }
        return (resolved, wrappers)
    }

    /// Type names a type spells, such as `G` in `[String: G]?`.
    private static func namedTypes(in type: SwiftType) -> [String] {
        switch type {
        case .named(let name):
            name.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
        case .optional(let wrapped), .array(let wrapped), .dictionary(let wrapped):
            namedTypes(in: wrapped)
        case .function:
            []
        }
    }

    /// `struct G { let value: [G] }`, coded as the bare value so the JSON is what the schema says.
    private static func wrapper(_ alias: TypeAliasDeclaration, access: AccessLevel) -> Declaration {
        let type = alias.type
        return .type(
            TypeDeclaration(
                info: alias.info, kind: .struct, name: alias.name, conformances: ["Codable", "Equatable", "Sendable"],
                members: [
                    .variable(
                        VariableDeclaration(
                            info: DeclarationInfo(
                                documentation: ["The schema's value; a struct rather than an alias because it contains itself."],
                                access: access),
                            isLet: true, name: "value", type: type)),
                    .initializer(
                        InitializerDeclaration(
                            info: DeclarationInfo(access: access),
                            parameters: [Parameter(label: "_", name: "value", type: type)],
                            body: [.line("self.value = value")])),
                    .initializer(
                        InitializerDeclaration(
                            info: DeclarationInfo(access: access),
                            parameters: [Parameter(label: "from", name: "decoder", type: .named("any Decoder"))],
                            throwsClause: "throws",
                            body: [.line("value = try decoder.singleValueContainer().decode(\(type).self)")])),
                    .function(
                        FunctionDeclaration(
                            info: DeclarationInfo(access: access), name: "encode",
                            parameters: [Parameter(label: "to", name: "encoder", type: .named("any Encoder"))],
                            throwsClause: "throws",
                            body: [
                                .line("var container = encoder.singleValueContainer()"),
                                .line("try container.encode(value)"),
                            ])),
                ]))
    }
}
