/// `--mode client`: the client, its operations and models spread over four files each (so a debug build
/// type-checks them in parallel), and the protocols it shares with its mock (`API.swift`). The mock itself is
/// `--mode mocks`, in a module of its own: apps do not compile or ship it.
enum ClientAssembly: ModeAssembly {
    static let fileNames =
        ["Client.swift"] + (1...4).map { "Operations\($0).swift" } + (1...4).map { "Models\($0).swift" } + ["API.swift"]

    static func files(for api: TranslatedAPI) -> [Generator.GeneratedFile] {
        let imports = api.imports(["Foundation", api.configuration.runtimeModule])
        let mockNames = MockTranslator(clientName: api.clientName, groups: [], access: api.access)
        let operations = api.client.groups.filter { !$0.functions.isEmpty }.map { group in
            SwiftRenderer.render(
                .extension(
                    ExtensionDeclaration(
                        info: DeclarationInfo(),
                        extendedType: group.tag == nil ? api.clientName : "\(api.clientName).\(group.typeName)",
                        conformances: [], whereClause: nil, members: group.functions)))
        } + api.client.groups.filter { !$0.protocolFunctions.isEmpty }.map { group in
            SwiftRenderer.render(
                .extension(
                    ExtensionDeclaration(
                        info: DeclarationInfo(), extendedType: mockNames.protocolName(for: group),
                        conformances: [], whereClause: nil, members: group.protocolFunctions)))
        }
        let modelTexts = (api.componentTypes + api.client.operationTypes + parameterConformances(api.models, api.access))
            .map(SwiftRenderer.render)
        let protocols = MockTranslator(clientName: api.clientName, groups: api.client.groups, access: api.access).protocols()
        var files = [api.file("Client.swift", imports: imports, [SwiftRenderer.render(api.client.client)])]
        for (index, bucket) in FileLayout.balance(operations, into: 4).enumerated() {
            files.append(api.file("Operations\(index + 1).swift", imports: imports, bucket))
        }
        for (index, bucket) in FileLayout.balance(modelTexts, into: 4).enumerated() {
            files.append(api.file("Models\(index + 1).swift", imports: imports, bucket))
        }
        files.append(api.file("API.swift", imports: imports, protocols.map(SwiftRenderer.render)))
        return files
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
