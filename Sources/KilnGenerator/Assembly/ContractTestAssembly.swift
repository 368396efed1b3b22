/// `--mode tests`: contract tests against a loopback server (`ContractTests.swift`) and, with a
/// `serverModule`, round trips through the generated server (`RoundTripTests.swift`), in Swift Testing.
enum ContractTestAssembly: ModeAssembly {
    static let fileNames = ["ContractTests.swift", "RoundTripTests.swift"]

    static func files(for api: TranslatedAPI) -> [Generator.GeneratedFile] {
        let tests = ContractTestTranslator(
            document: api.document, clientName: api.clientName, groups: api.client.groups, translator: api.models)
        let configuration = api.configuration
        let imports = api.imports(
            ["Foundation", "KilnTestServer", configuration.runtimeModule, configuration.clientModule].compactMap { $0 }
                + ["Testing"])
        var files = [api.file("ContractTests.swift", imports: imports, tests.translate().map(SwiftRenderer.render))]
        if let serverModule = configuration.serverModule {
            let roundTrips = RoundTripTestTranslator(contract: tests, serverModule: serverModule)
            let serverImports = api.imports(
                ["Foundation", "KilnTestServer", "KilnServer", configuration.runtimeModule, configuration.clientModule, serverModule]
                    .compactMap { $0 } + ["Testing"])
            files.append(api.file("RoundTripTests.swift", imports: serverImports, roundTrips.translate().map(SwiftRenderer.render)))
        } else {
            // The file list is fixed whatever the configuration, so build plugins can declare it.
            files.append(api.file("RoundTripTests.swift", imports: [], ["// No \"serverModule\" is configured: no round trips."]))
        }
        return files
    }
}
