/// `--mode mocks`: `Mock.swift`, the mock client for a test-support target that depends on the client library
/// (or, without `clientModule`, for the client's own module). An internal client is reached through
/// `@testable import`, which is what a test target can do.
enum MockAssembly: ModeAssembly {
    static let fileNames = ["Mock.swift"]

    static func files(for api: TranslatedAPI) -> [Generator.GeneratedFile] {
        let configuration = api.configuration
        let mock = MockTranslator(clientName: api.clientName, groups: api.client.groups, access: api.access).mocks()
        let modules = api.imports(["Foundation", configuration.runtimeModule, configuration.clientModule].compactMap { $0 })
        let importLines = modules.map { module in
            module == configuration.clientModule && configuration.access == .internal ? "@testable import \(module)" : "import \(module)"
        }
        return [api.file("Mock.swift", importLines: importLines, mock.map(SwiftRenderer.render))]
    }
}
