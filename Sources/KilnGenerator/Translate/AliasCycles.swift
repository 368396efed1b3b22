/// Component typealiases that refer to themselves, directly or through other aliases (`G = [G]`,
/// `H = [String: H]`, `A = B` with `B = A`): Swift rejects every alias on such a cycle.
enum AliasCycles {
    /// `declarations` with each alias on a cycle replaced. An array or map alias becomes a struct wrapping
    /// the same value (a struct may hold an array of itself), which breaks the cycle and keeps the data.
    /// When a cycle has no array or map, its schemas only name each other and admit any JSON: JSONValue.
    /// Also returns the names of the wrapping structs.
    static func resolve(_ declarations: [Declaration], access: AccessLevel) -> (declarations: [Declaration], wrappers: Set<String>) {
        var aliases: [String: TypeAliasDeclaration] = [:]
        for case .typealias(let alias) in declarations { aliases[alias.name] = alias }
        let edges = aliases.mapValues { alias in namedTypes(in: alias.type).filter { aliases[$0] != nil }.sorted() }
        let cyclic = StronglyConnected.cyclicNodes(edges)
        guard !cyclic.isEmpty else { return (declarations, []) }

        let components = StronglyConnected.components(edges)
        let isContainer = { (name: String) -> Bool in
            switch aliases[name]!.type.unwrapped {
            case .array, .dictionary: true
            default: false
            }
        }
        let cyclesWithContainer = Set(cyclic.filter(isContainer).map { components[$0]! })
        var wrappers = Set<String>()
        let resolved = declarations.map { declaration -> Declaration in
            guard case .typealias(var alias) = declaration, cyclic.contains(alias.name) else { return declaration }
            guard cyclesWithContainer.contains(components[alias.name]!) else {
                alias.type = .json
                return .typealias(alias)
            }
            guard isContainer(alias.name) else { return declaration }
            wrappers.insert(alias.name)
            return wrapper(alias, access: access)
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
