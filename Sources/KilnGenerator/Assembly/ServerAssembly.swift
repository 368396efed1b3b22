/// `--mode server`: `Server.swift`, the handler protocol, the operations' inputs and outputs and the
/// router, for a target that depends on the client library (its models) and KilnServer.
enum ServerAssembly: ModeAssembly {
    static let fileNames = ["Server.swift"]

    static func files(for api: TranslatedAPI) -> [Generator.GeneratedFile] {
        let server = ServerTranslator(models: api.models, clientName: api.clientName, access: api.access, groups: api.client.groups)
        let configuration = api.configuration
        let imports = api.imports(
            ["Foundation", configuration.runtimeModule, "KilnServer", configuration.clientModule].compactMap { $0 })
        return [api.file("Server.swift", imports: imports, server.translate().map(SwiftRenderer.render))]
    }
}
