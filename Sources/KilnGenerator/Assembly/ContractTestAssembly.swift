/// `--mode tests`: one Swift Testing file of contract tests against a loopback server.
enum ContractTestAssembly: ModeAssembly {
    static let fileNames = ["ContractTests.swift"]

    static func files(for api: TranslatedAPI) -> [Generator.GeneratedFile] {
        let tests = ContractTestTranslator(
            document: api.document, clientName: api.clientName, groups: api.client.groups, translator: api.models)
        let configuration = api.configuration
        let imports = api.imports(
            ["Foundation", "KilnTestServer", configuration.runtimeModule, configuration.clientModule].compactMap { $0 }
                + ["Testing"])
        return [api.file("ContractTests.swift", imports: imports, tests.translate().map(SwiftRenderer.render))]
    }
}
