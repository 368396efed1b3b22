import KilnDiagnostics
import KilnOpenAPI

/// What every mode's assembly starts from: the document translated once into models and client groups.
struct TranslatedAPI {
    let document: OpenAPIDocument
    let configuration: GeneratorConfiguration
    let clientName: String
    let models: ModelTranslator
    let componentTypes: [Declaration]
    let client: ClientTranslator.Output
    /// The first comment of every file: how Kiln recognises its own files.
    let header: [String]

    var access: AccessLevel { configuration.access }

    /// `additionalImports` not already imported, in the order given.
    func imports(_ base: [String]) -> [String] {
        var seen = Set(base)
        return base + configuration.additionalImports.filter { seen.insert($0).inserted }
    }

    func file(_ name: String, imports: [String], _ rendered: [String]) -> Generator.GeneratedFile {
        file(name, importLines: imports.map { "import \($0)" }, rendered)
    }

    /// A file whose imports are written out whole (`@testable import IServ`).
    func file(_ name: String, importLines: [String], _ rendered: [String]) -> Generator.GeneratedFile {
        Generator.GeneratedFile(
            name: name, contents: SwiftRenderer.assemble(headerComment: header, importLines: importLines, declarations: rendered))
    }
}

/// One generator mode's translators and file layout. A new mode is one new conformance and one case in
/// `GeneratorConfiguration.Mode`, not another branch in `Generator`.
protocol ModeAssembly {
    /// The files the mode writes, whatever the spec, so build plugins can declare them up front.
    static var fileNames: [String] { get }
    static func files(for api: TranslatedAPI) -> [Generator.GeneratedFile]
}

extension GeneratorConfiguration.Mode {
    var assembly: any ModeAssembly.Type {
        switch self {
        case .client: ClientAssembly.self
        case .tests: ContractTestAssembly.self
        case .server: ServerAssembly.self
        case .mocks: MockAssembly.self
        }
    }
}
