import Foundation
import KilnDiagnostics
import KilnOpenAPI
import Testing

/// OpenAPI 3.2 documents load; later 3.x minor versions load as 3.2 with one warning.
@Suite struct OpenAPI32Tests {
    static let spec = TestPaths.fixtures.appendingPathComponent("valid/openapi-3.2.yaml")

    @Test func queryAndAdditionalOperationsAreOperations() throws {
        let result = SpecLoader.load(file: Self.spec.path)
        let document = try #require(result.document)
        #expect(document.version == .v3_2)
        let item = try #require(document.paths["/items"])
        #expect(item.operations.map(\.method.token) == ["QUERY", "COPY"])
        #expect(item.operations.map(\.operation.operationId) == ["searchItems", "copyItems"])
        // `$self`, tag summary/kind and server name are 3.2 fields, not unknown ones.
        #expect(result.diagnostics.map(\.message) == [
            "'get' is a fixed field of the path item; write it there, not in additionalOperations",
            "Kiln does not generate 'in: querystring' parameters yet; the operation is generated without it",
        ])
    }

    @Test func aLaterMinorVersionLoadsAsThreeTwoWithOneWarning() throws {
        let text = try String(contentsOf: Self.spec, encoding: .utf8).replacingOccurrences(of: "3.2.0", with: "3.3.0")
        let diagnostics = DiagnosticCollector()
        let document = try #require(SpecLoader.load(text: text, file: "future.yaml", diagnostics: diagnostics))
        #expect(document.version == .v3_2)
        #expect(diagnostics.sorted.first?.description
            == "future.yaml:1:10: warning: OpenAPI 3.3.0 is newer than Kiln knows; reading it as 3.2, so fields added since may be ignored")
    }

    @Test func aFourthMajorVersionIsStillAnError() {
        let diagnostics = DiagnosticCollector()
        _ = SpecLoader.load(text: "openapi: 4.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n", file: "four.yaml", diagnostics: diagnostics)
        #expect(diagnostics.sorted.map(\.description) == [
            "four.yaml:1:10: error: unsupported OpenAPI version '4.0.0'; expected 3.0.x, 3.1.x or 3.2.x"
        ])
    }
}
