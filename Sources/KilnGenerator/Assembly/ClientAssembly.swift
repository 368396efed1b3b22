/// `--mode client`: the client type (`Client.swift`), and its operations, models and the protocols it shares
/// with its mock spread over `Part1-8.swift` by compile cost. The mock itself is `--mode mocks`, in a module of
/// its own: apps do not compile or ship it.
///
/// Why mixed parts of equal cost: the compiler's debug build splits a module's files, in name order, into
/// as many contiguous batches as there are cores. Files of one kind each (all models, then all operations)
/// left one batch with most of the work on two cores; equal parts keep every batch equally busy.
enum ClientAssembly: ModeAssembly {
    static let partCount = 8
    static let fileNames = ["Client.swift"] + (1...partCount).map { "Part\($0).swift" }

    static func files(for api: TranslatedAPI) -> [Generator.GeneratedFile] {
        let imports = api.imports(["Foundation", api.configuration.runtimeModule])
        let mockNames = MockTranslator(clientName: api.clientName, groups: [], access: api.access)
        let operations = api.client.groups.flatMap { group in
            extensions(of: group.tag == nil ? api.clientName : "\(api.clientName).\(group.typeName)", group.functions)
                + extensions(of: mockNames.protocolName(for: group), group.protocolFunctions)
        }
        let protocols = MockTranslator(clientName: api.clientName, groups: api.client.groups, access: api.access).protocols()
        let models = api.componentTypes + api.client.operationTypes + parameterConformances(api.models, api.access)
        var parts = FileLayout.balance((protocols + operations + models).map(SwiftRenderer.render), into: partCount)
        var files = [api.file("Client.swift", imports: imports, [SwiftRenderer.render(api.client.client)])]
        for index in parts.indices {
            files.append(api.file("Part\(index + 1).swift", imports: imports, parts[index]))
            // Each part's declarations are released once its file holds them, so that all of the
            // output is not held twice.
            parts[index] = []
        }
        return files
    }

    /// A group's methods as extensions of at most `methodsPerExtension` each, so that one large group
    /// (a spec without tags has a single one) still spreads over the parts.
    private static let methodsPerExtension = 8

    private static func extensions(of type: String, _ functions: [Declaration]) -> [Declaration] {
        stride(from: 0, to: functions.count, by: methodsPerExtension).map { start in
            .extension(
                ExtensionDeclaration(
                    info: DeclarationInfo(), extendedType: type, conformances: [], whereClause: nil,
                    members: Array(functions[start..<min(start + methodsPerExtension, functions.count)])))
        }
    }

    /// Object types used as parameters (deepObject filters) are sent through their JSON fields.
    private static func parameterConformances(_ models: ModelTranslator, _ access: AccessLevel) -> [Declaration] {
        // Only declared structs: an extension of an alias would extend its target (Optional, say).
        models.parameterTypes.filter { models.aliasTypes[$0] == nil }.sorted().map { typeName in
            .extension(
                ExtensionDeclaration(
                    info: DeclarationInfo(), extendedType: typeName, conformances: ["ParameterEncodable"],
                    whereClause: nil,
                    members: [
                        .variable(
                            VariableDeclaration(
                                info: DeclarationInfo(access: access), isLet: false, name: "parameterValue",
                                type: .named("ParameterValue"), getter: [.line("ParameterValue(encoding: self)")]))
                    ]))
        }
    }
}
