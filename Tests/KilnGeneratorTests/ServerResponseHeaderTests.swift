import Foundation
import KilnDiagnostics
import KilnGenerator
import KilnOpenAPI
import Testing

/// `--mode server`: documented response headers are typed fields of a struct the output case takes,
/// encoded as the client encodes header parameters; undocumented ones still go through `extraHeaders`.
@Suite struct ServerResponseHeaderTests {
    static let yaml = """
        openapi: 3.1.0
        info: {title: Snippet API, version: "1"}
        paths:
          /items:
            get:
              operationId: listItems
              responses:
                "200":
                  description: ok
                  headers:
                    X-Rate-Limit: {required: true, schema: {type: integer}, example: 100}
                    X-Request-Id: {description: Echoed request id., schema: {type: string}}
                    default: {schema: {type: boolean}}
                    X-Trace-Id: {schema: {type: string}}
                    X_Trace_Id: {schema: {type: string}}
                    X-Tags: {schema: {type: array, items: {type: string}}}
                    Content-Type: {schema: {type: string}}
                  content: {application/json: {schema: {type: string}}}
                "404": {description: missing}
        """

    private func generate(_ mode: GeneratorConfiguration.Mode) throws -> String {
        let document = try #require(SpecLoader.load(text: Self.yaml, file: "snippet.yaml", diagnostics: DiagnosticCollector()))
        var configuration = GeneratorConfiguration(mode: mode, clientModule: "Snippet")
        configuration.serverModule = "SnippetServer"
        let files = Generator.generate(document, configuration: configuration)
        return try #require(files.first { $0.name == (mode == .server ? "Server.swift" : "RoundTripTests.swift") }).contents
    }

    @Test func documentedHeadersAreATypedStruct() throws {
        let code = try generate(.server)
        // A required header: no default struct, the handler must give it.
        #expect(code.contains("case ok(_ body: String, headers: OkHeaders, extraHeaders: HTTPFields = [:])"))
        #expect(code.contains("public struct OkHeaders: Sendable, Equatable {"))
        #expect(code.contains("public var xRateLimit: Int\n"))
        #expect(code.contains("public var xRequestId: String?"))
        #expect(code.contains("/// `X-Request-Id`: Echoed request id."))
        #expect(code.contains("public var xTags: [String]?"))
    }

    /// A keyword header is one escaped name; two headers that camel-case alike get distinct names.
    @Test func headerNamesAreSafe() throws {
        let code = try generate(.server)
        #expect(code.contains("public var `default`: Bool?"))
        #expect(code.contains("self.default = `default`"))
        #expect(code.contains("public var xTraceId: String?"))
        #expect(code.contains("public var xTraceId2: String?"))
        #expect(
            code.contains(
                "public init(xRateLimit: Int, xRequestId: String? = nil, `default`: Bool? = nil, xTraceId: String? = nil, xTraceId2: String? = nil, xTags: [String]? = nil)"))
    }

    @Test func headersAreEncodedLikeHeaderParameters() throws {
        let code = try generate(.server)
        #expect(code.contains(#"fields.appendHeader("X-Rate-Limit", xRateLimit)"#))
        #expect(code.contains(#"fields.appendHeader("default", `default`)"#))
        #expect(code.contains(#"fields.appendHeader("X_Trace_Id", xTraceId2)"#))
        #expect(code.contains(#"return try .json(200, body, contentType: "application/json", headers: headers.httpFields(adding: extraHeaders))"#))
        // OpenAPI ignores a documented Content-Type header: the body's media type sets it.
        #expect(!code.contains(#"appendHeader("Content-Type""#))
    }

    @Test func responsesWithoutHeadersKeepTheirShape() throws {
        let code = try generate(.server)
        #expect(code.contains("case notFound(headers: HTTPFields = [:])"))
        #expect(!code.contains("NotFoundHeaders"))
    }

    @Test func roundTripSendsAndChecksTheHeaders() throws {
        let code = try generate(.tests)
        #expect(code.contains("let response = try await client.listItemsRaw()"))
        #expect(code.contains("headers: .init(xRateLimit: 100, xRequestId: "))
        #expect(code.contains(#"#expect(response.headers["X-Rate-Limit"] == "100")"#))
        // A list is a decoded sample; `try` goes first, since it may not stand right of `==`.
        #expect(code.contains(#"#expect(try response.headers["X-Tags"] == HeaderEncoder.encode((ContractCheck.sample([String].self, "#))
    }
}
