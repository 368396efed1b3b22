import Foundation
import KilnDiagnostics
import KilnGenerator
import KilnOpenAPI
import Testing

/// `--mode server`: the lines a handler author and the router depend on.
@Suite struct ServerModeTests {
    static let yaml = """
        openapi: 3.1.0
        info: {title: Snippet API, version: "1"}
        paths:
          /items/{id}:
            get:
              operationId: getItem
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: default, in: query, schema: {type: integer}}
                - {name: tags, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: string}}}
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: string}}}}
                "404": {description: missing}
                4XX: {description: other, content: {application/json: {schema: {type: object}}}}
        """

    private func server() throws -> String {
        let document = try #require(SpecLoader.load(text: Self.yaml, file: "snippet.yaml", diagnostics: DiagnosticCollector()))
        let files = Generator.generate(document, configuration: GeneratorConfiguration(mode: .server, clientModule: "Snippet"))
        #expect(files.map(\.name) == Generator.serverFileNames)
        return try #require(files.first).contents
    }

    @Test func handlerInputAndOutputAreTyped() throws {
        let code = try server()
        #expect(code.contains("func getItem(_ input: SnippetOperations.GetItem.Input) async throws -> SnippetOperations.GetItem.Output"))
        #expect(code.contains("case ok(_ body: String, headers: HTTPFields = [:])"))
        #expect(code.contains("case notFound(headers: HTTPFields = [:])"))
        #expect(code.contains("case clientError(status: Int, _ body: [String: JSONValue], headers: HTTPFields = [:])"))
    }

    /// A keyword field is one escaped name in the initializer: a label beside it would be a duplicate.
    @Test func keywordFieldsAreOneNameInTheInitializer() throws {
        let code = try server()
        #expect(code.contains("public init(id: String, `default`: Int? = nil, tags: [String]? = nil)"))
        #expect(code.contains("self.default = `default`"))
        #expect(!code.contains("default `default`"))
    }

    @Test func parametersDecodeInTheClientsStyle() throws {
        let code = try server()
        #expect(code.contains(#"id: inputs.requiredParameter("id", in: .path, as: String.self, style: .simple, explode: false)"#))
        #expect(code.contains(#"tags: inputs.parameter("tags", in: .query, as: [String].self, style: .pipeDelimited, explode: false, shape: .array)"#))
        #expect(code.contains(#"ServerRoute(method: "GET", template: "/items/{id}", operationID: "getItem")"#))
    }
}
