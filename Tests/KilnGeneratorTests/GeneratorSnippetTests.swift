import Foundation
import KilnDiagnostics
import KilnGenerator
import KilnOpenAPI
import Testing

/// Small specs, one feature each, checked by the lines they must produce.
@Suite struct GeneratorSnippetTests {
    private func generate(_ yaml: String, _ configuration: GeneratorConfiguration = GeneratorConfiguration()) throws -> String {
        try generatedSwift(yaml, configuration)
    }

    private func spec(paths: String = "{}", schemas: String = "{}") -> String {
        """
        openapi: 3.1.0
        info: {title: Snippet API, version: "1"}
        paths: \(paths.hasPrefix(" ") ? "\n" + paths : paths)
        components:
          schemas: \(schemas.hasPrefix(" ") ? "\n" + schemas : schemas)
        """
    }

    @Test func fileNamesAreFixedWhateverTheSpec() throws {
        let document = try #require(SpecLoader.load(text: spec(), file: "empty.yaml", diagnostics: DiagnosticCollector()))
        #expect(Generator.generate(document, configuration: GeneratorConfiguration()).map(\.name) == Generator.clientFileNames)
        let tests = Generator.generate(document, configuration: GeneratorConfiguration(mode: .tests, clientModule: "Snippet"))
        #expect(tests.map(\.name) == Generator.testFileNames)
        let mocks = Generator.generate(document, configuration: GeneratorConfiguration(mode: .mocks, clientModule: "Snippet"))
        #expect(mocks.map(\.name) == Generator.mockFileNames)
    }

    @Test func mocksImportTheClientModuleTestablyWhenItIsInternal() throws {
        let document = try #require(SpecLoader.load(text: spec(), file: "empty.yaml", diagnostics: DiagnosticCollector()))
        let client = Generator.generate(document, configuration: GeneratorConfiguration())
        #expect(!client.contains { $0.contents.contains("final class SnippetClientMock") }, "the client's module carries no mock")
        #expect(client.contains { $0.name.hasPrefix("Part") && $0.contents.contains("public protocol SnippetAPI: Sendable") })
        let publicMock = try #require(
            Generator.generate(document, configuration: GeneratorConfiguration(mode: .mocks, clientModule: "Snippet")).first)
        #expect(publicMock.contents.contains("\nimport Snippet\n") && publicMock.contents.contains("public final class SnippetClientMock"))
        let internalMock = try #require(
            Generator.generate(document, configuration: GeneratorConfiguration(mode: .mocks, access: .internal, clientModule: "Snippet")).first)
        #expect(internalMock.contents.contains("\n@testable import Snippet\n"))
        #expect(!internalMock.contents.contains("public "))
    }

    @Test func clientNameComesFromTheTitle() throws {
        let code = try generate(spec())
        #expect(code.contains("public struct SnippetClient: Sendable {"))
        #expect(code.contains("public protocol SnippetAPI: Sendable {"))
        #expect(code.contains("public final class SnippetClientMock: SnippetAPI, Sendable {"))
    }

    @Test func patchBodiesTellAbsentFromNull() throws {
        let code = try generate(
            spec(
                paths: """
                      /users/{id}:
                        patch:
                          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                          requestBody:
                            content: {application/json: {schema: {$ref: '#/components/schemas/UserPatch'}}}
                          responses: {"204": {description: done}}
                    """,
                schemas: """
                        UserPatch:
                          type: object
                          required: [login]
                          properties:
                            login: {type: string}
                            email: {type: [string, "null"]}
                            age: {type: integer}
                        User:
                          type: object
                          properties:
                            email: {type: [string, "null"]}
                    """))
        // Only optional nullable fields of PATCH bodies: elsewhere nil is enough.
        #expect(code.contains("public let email: PatchValue<String>\n"))
        #expect(code.contains("public init(login: String, email: PatchValue<String> = .absent, age: Int? = nil)"))
        #expect(code.contains("public init(email: String? = nil)"))
    }

    @Test func scalarDefaultsAreAppliedWhenTheKeyIsMissing() throws {
        let code = try generate(spec(schemas: """
                Page:
                  type: object
                  properties:
                    size: {type: integer, default: 25}
                    sort: {type: string, default: "name asc"}
                    exact: {type: boolean, default: false}
                    note: {type: [string, "null"], default: none}
                    cursor: {type: string}
            """))
        #expect(code.contains("public let size: Int\n"))
        #expect(code.contains(#"public init(size: Int = 25, sort: String = "name asc", exact: Bool = false, note: String? = nil, cursor: String? = nil)"#))
        #expect(code.contains(#"self.size = try container.decodeIfPresent(Int.self, forKey: ModelKey("size")) ?? 25"#))
        #expect(code.contains(#"self.cursor = try container.optionalField("cursor")"# + "\n"))
    }

    @Test func stringConstantsAreCheckedOnDecode() throws {
        let code = try generate(spec(schemas: """
                Failure:
                  type: object
                  required: [status]
                  properties:
                    status: {type: string, const: Error}
                    kind: {type: string, const: fatal}
            """))
        #expect(code.contains(#"self.status = try container.field("status")"#))
        #expect(code.contains(#"if self.status != "Error" {"#))
        #expect(code.contains(#"if let value = self.kind, value != "fatal" {"#))
        #expect(code.contains(#"throw DecodingError.dataCorruptedError(forKey: ModelKey("status"), in: container"#))
    }

    @Test func lenientNumbersThroughAReferenceOrATypeArray() throws {
        let code = try generate(spec(schemas: """
                RecordId: {type: integer, format: int64, x-kiln-lenient-number: true}
                Row:
                  type: object
                  required: [id]
                  properties:
                    id: {$ref: '#/components/schemas/RecordId'}
                    parent: {$ref: '#/components/schemas/RecordId'}
                    total: {type: [integer, string], x-kiln-lenient-number: true}
            """))
        #expect(code.contains(#"self.id = try container.decodeLenient(RecordId.self, forKey: ModelKey("id"))"#))
        #expect(code.contains(#"self.parent = try container.decodeLenientIfPresent(RecordId.self, forKey: ModelKey("parent"))"#))
        // `type: [integer, string]` says the same in plain JSON Schema: still an integer in Swift.
        #expect(code.contains(#"self.total = try container.decodeLenientIfPresent(Int.self, forKey: ModelKey("total"))"#))
    }

    @Test func authFactoriesSkipOperationsWhoseSecurityLeavesTheSchemeOut() throws {
        let code = try generate("""
            openapi: 3.1.0
            info: {title: Snippet API, version: "1"}
            security: [{token: []}]
            paths:
              /login:
                post:
                  operationId: login
                  security: []
                  responses: {"204": {description: done}}
              /public:
                get:
                  operationId: publicInfo
                  security: [{}]
                  responses: {"204": {description: done}}
              /keyed:
                get:
                  operationId: keyed
                  security: [{key: []}]
                  responses: {"204": {description: done}}
              /items:
                get:
                  operationId: items
                  responses: {"204": {description: done}}
            components:
              securitySchemes:
                token: {type: http, scheme: bearer}
                key: {type: apiKey, in: header, name: X-Key}
            """)
        #expect(code.contains(#"BearerTokenMiddleware(token: token).skipping(["keyed", "login"])"#))
        // `publicInfo` allows anonymous access (`{}`), so credentials may go along.
        #expect(code.contains(#"APIKeyMiddleware(name: "X-Key", value: key, location: .header).skipping(["items", "login"])"#))
    }

    @Test func pathStylesOtherThanSimpleAreEncodedByStyle() throws {
        let code = try generate(spec(paths: """
                /items/{ids}/{label}/{matrix}:
                  get:
                    operationId: styled
                    parameters:
                      - {name: ids, in: path, required: true, schema: {type: array, items: {type: integer}}}
                      - {name: label, in: path, required: true, style: label, explode: true, schema: {type: array, items: {type: string}}}
                      - {name: matrix, in: path, required: true, style: matrix, schema: {type: string}}
                    responses: {"204": {description: done}}
            """))
        #expect(code.contains(#"let labelPath = PathEncoder.encode(name: "label", value: label.parameterValue, style: .label, explode: true)"#))
        #expect(code.contains(#"let matrixPath = PathEncoder.encode(name: "matrix", value: matrix.parameterValue, style: .matrix, explode: false)"#))
        #expect(code.contains(#"path: "/items/\(PathEncoder.segment(ids))/\(labelPath)/\(matrixPath)")"#))
    }

    @Test func aLoneDefaultResponseIsTheSuccessAndDownloadsSayWhatTheyAccept() throws {
        let code = try generate(spec(paths: """
                /numbers:
                  get:
                    operationId: numbers
                    responses:
                      default:
                        description: Numbers, whatever the status.
                        content: {application/json: {schema: {type: array, items: {type: integer}}}}
                /export:
                  get:
                    operationId: export
                    responses:
                      "200":
                        description: A zip.
                        content: {application/zip: {schema: {type: string, format: binary}}}
            """))
        #expect(code.contains("public func numbers() async throws -> [Int] {"))
        #expect(code.contains(#"core.json([Int].self, for: request, operationID: "numbers", errors: [.default([Int].self)])"#))
        #expect(code.contains(#"core.data(for: request, operationID: "export", accept: "application/zip")"#))
    }

    @Test func aDiscriminatorBesideInlineVariantsStillDispatchesTheNamedOnes() throws {
        let code = try generate(spec(schemas: """
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Dog'
                    - {type: object, required: [wings], properties: {wings: {type: integer}}}
                  discriminator: {propertyName: kind, mapping: {dog: '#/components/schemas/Dog'}}
                Dog: {type: object, properties: {kind: {type: string}}}
            """))
        #expect(code.contains(#"switch try? decoder.discriminator("kind") {"#))
        #expect(code.contains(#"case "dog"?:"#))
        // Any other value, or none, tries the inline variant instead of decoding everything as the first match.
        #expect(code.contains("default:\n            var errors: [any Error] = []"))
    }

    @Test func readOnlyFieldsStayOutOfRequestBodies() throws {
        let code = try generate(spec(schemas: """
                Pet:
                  type: object
                  required: [id, name]
                  properties:
                    id: {type: string, readOnly: true}
                    name: {type: string}
            """))
        #expect(code.contains("public let id: String?"))
        #expect(code.contains("public func encode(to encoder: any Encoder) throws {"))
        #expect(code.contains("if !encoder.isEncodingRequestBody {\n            try container.optionalField(self.id, \"id\")\n        }"))
        #expect(code.contains(#"try container.field(self.name, "name")"#))
    }

    @Test func wireNamesStayInTheCoders() throws {
        let code = try generate(spec(schemas: """
                User:
                  type: object
                  required: [first_name]
                  properties:
                    first_name: {type: string}
                    "@odata.type": {type: string}
                    plain: {type: string, x-kiln-name: renamed}
            """))
        #expect(code.contains("public let firstName: String\n"))
        #expect(code.contains("public let odataType: String?"))
        #expect(code.contains(#"self.firstName = try container.field("first_name")"#))
        #expect(code.contains(#"try container.optionalField(self.odataType, "@odata.type")"#))
        #expect(code.contains(#"self.renamed = try container.optionalField("plain")"#))
        #expect(code.contains("public init(firstName: String, odataType: String? = nil, renamed: String? = nil)"))
    }

    @Test func nullable30AndTypeArrays31AreOptional() throws {
        let code = try generate("""
            openapi: 3.0.3
            info: {title: Old, version: "1"}
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string, nullable: true}
            """)
        #expect(code.contains("public let name: String?"))
    }

    @Test func enumsAreOpenUnlessClosed() throws {
        let code = try generate(spec(schemas: """
                Open: {type: string, enum: [a, b]}
                Closed: {type: string, enum: [x], x-kiln-closed-enum: true}
            """))
        #expect(code.contains("public enum Open: OpenEnum {"))
        #expect(code.contains("case unknown(String)"))
        #expect(code.contains("public enum Closed: String, Codable, Hashable, Sendable, CaseIterable"))
        #expect(code.contains("case x = \"x\""))
    }

    @Test func operationsAreGroupedByTagAndNamedWithoutIt() throws {
        let code = try generate(spec(paths: """
                /groups/{id}:
                  get:
                    tags: [groups]
                    operationId: getGroup
                    parameters:
                      - {name: id, in: path, required: true, schema: {type: string}}
                    responses:
                      "200": {description: ok, content: {application/json: {schema: {type: string}}}}
                /untagged:
                  delete:
                    responses:
                      "204": {description: gone}
            """))
        #expect(code.contains("public var groups: Groups {"))
        #expect(code.contains("extension SnippetClient.Groups {"))
        #expect(code.contains("public func get(id: String) async throws -> String {"))
        #expect(code.contains("path: \"/groups/\\(PathEncoder.segment(id))\""))
        #expect(code.contains("public func deleteUntagged() async throws {"))
        #expect(code.contains("public func deleteUntaggedRaw() async throws -> Response<Void> {"))
    }

    @Test func queryStylesArePassedToTheRuntime() throws {
        let code = try generate(spec(paths: """
                /search:
                  get:
                    operationId: search
                    parameters:
                      - {name: ids, in: query, style: pipeDelimited, explode: false, schema: {type: array, items: {type: integer}}}
                      - {name: words, in: query, style: spaceDelimited, explode: false, schema: {type: array, items: {type: string}}}
                      - {name: filter, in: query, style: deepObject, schema: {type: object, properties: {a: {type: string}}}}
                      - {name: raw, in: query, allowReserved: true, schema: {type: string}}
                    responses:
                      "204": {description: ok}
            """))
        #expect(code.contains("request.addQuery(\"ids\", ids, style: .pipeDelimited, explode: false)"))
        #expect(code.contains("request.addQuery(\"words\", words, style: .spaceDelimited, explode: false)"))
        #expect(code.contains("request.addQuery(\"filter\", filter, style: .deepObject)"))
        #expect(code.contains("request.addQuery(\"raw\", raw, allowReserved: true)"))
        #expect(code.contains("extension SearchFilter: ParameterEncodable {"))
    }

    @Test func successBodiesShapeTheReturnType() throws {
        let code = try generate(spec(paths: """
                /maybe:
                  get:
                    operationId: maybe
                    responses:
                      "200": {description: ok, content: {application/json: {schema: {type: integer}}}}
                      "204": {description: none}
                /zip:
                  get:
                    operationId: download
                    responses:
                      "200": {description: zip, content: {application/zip: {schema: {type: string, format: binary}}}}
                  put:
                    operationId: upload
                    requestBody:
                      required: true
                      content: {application/zip: {schema: {type: string, format: binary}}}
                    responses:
                      "200": {description: log, content: {text/plain: {schema: {type: string}}}}
            """))
        #expect(code.contains("public func maybe() async throws -> Int? {"))
        #expect(code.contains("public func download() async throws -> Data {"))
        #expect(code.contains("public func upload(_ body: UploadBody) async throws -> String {"))
        #expect(code.contains("try request.setBinaryBody(body, contentType: \"application/zip\", operationID: \"upload\")"))
    }

    @Test func documentedErrorBodiesAreDecodedIntoTheError() throws {
        let code = try generate(spec(paths: """
                /x:
                  get:
                    operationId: getX
                    responses:
                      "204": {description: ok}
                      "404": {description: missing, content: {application/json: {schema: {$ref: "#/components/schemas/Problem"}}}}
                      4XX: {description: client, content: {application/json: {schema: {$ref: "#/components/schemas/Problem"}}}}
            """, schemas: """
                Problem: {type: object, properties: {title: {type: string}}}
            """))
        #expect(code.contains("errors: [.status(404, Problem.self), .range(4, Problem.self)]"))
    }

    @Test func serverVariablesBecomeAFunction() throws {
        let code = try generate("""
            openapi: 3.1.0
            info: {title: Hosted, version: "1"}
            servers:
              - url: https://{host}/api/{version}
                variables:
                  host: {default: example.com}
                  version: {default: v2, enum: [v1, v2]}
            paths: {}
            """)
        #expect(code.contains("public static let defaultBaseURL: URL = URL(string: \"https://example.com/api/v2\")!"))
        #expect(code.contains("public static func serverURL(host: String = \"example.com\", version: String = \"v2\") -> URL {"))
        #expect(code.contains("URL(string: \"https://\\(host)/api/\\(version)\")!"))
    }

    @Test func deprecatedOperationsAreMarked() throws {
        let code = try generate(spec(paths: """
                /old:
                  get:
                    operationId: old
                    deprecated: true
                    responses: {"204": {description: ok}}
            """))
        #expect(code.contains("@available(*, deprecated)\n    public func old() async throws {"))
    }

    @Test func contractTestsCheckWhatTheServerReceived() throws {
        let code = try generate(spec(paths: """
                /items/{id}:
                  get:
                    operationId: getItem
                    parameters:
                      - {name: id, in: path, required: true, schema: {type: string}, example: abc}
                      - {name: limit, in: query, schema: {type: integer}, example: 5}
                    responses:
                      "200":
                        description: ok
                        content:
                          application/json:
                            schema: {type: object, properties: {name: {type: string}}}
                            example: {name: thing}
            """), GeneratorConfiguration(mode: .tests, clientModule: "Snippet"))
        #expect(code.contains("import Snippet"))
        #expect(code.contains("let reply = #\"{\"name\":\"thing\"}\"#"))
        #expect(code.contains("let result = try await client.getItem(id: \"abc\", limit: 5)"))
        #expect(code.contains("#expect(request.path == \"/items/abc\")"))
        #expect(code.contains("#expect(ContractCheck.queryPairs(request) == [[\"limit\", \"5\"]])"))
        #expect(code.contains("#expect(try ContractCheck.roundTripDifference(result, reply) == nil)"))
    }

    /// A flat deepObject filter's sample is sent and expected as `name[property]` pairs (the coverage IServ's
    /// invented `query` filters used to give; the source documents no such filter).
    @Test func contractTestsSendADeepObjectFilterSample() throws {
        let code = try generate(spec(paths: """
                /items:
                  get:
                    operationId: listItems
                    parameters:
                      - {name: filter, in: query, style: deepObject, explode: true, schema: {$ref: "#/components/schemas/Filter"}}
                    responses: {"204": {description: done}}
            """, schemas: """
                Filter: {type: object, properties: {status: {type: string}, owner: {type: string}}}
            """), GeneratorConfiguration(mode: .tests, clientModule: "Snippet"))
        #expect(code.contains(#"#expect(ContractCheck.queryPairs(request) == [["filter[status]", "sample"], ["filter[owner]", "sample"]])"#))
    }

    @Test func contractTestsExpectStyledPathsAsTheClientEncodesThem() throws {
        let code = try generate(spec(paths: """
                /items/{ids}/{point}/{tag}:
                  get:
                    operationId: styled
                    parameters:
                      - {name: ids, in: path, required: true, style: label, explode: true, schema: {type: array, items: {type: integer}}, example: [3, 4]}
                      - {name: point, in: path, required: true, style: matrix, explode: true, schema: {type: object, properties: {x: {type: integer}, y: {type: integer}}}, example: {x: 1, y: 2}}
                      - {name: tag, in: path, required: true, schema: {type: array, items: {type: string}}, example: [a, b c]}
                    responses: {"204": {description: done}}
            """), GeneratorConfiguration(mode: .tests, clientModule: "Snippet"))
        #expect(code.contains(#"#expect(request.path == "/items/.3.4/;x=1;y=2/a,b%20c")"#))
    }
}
