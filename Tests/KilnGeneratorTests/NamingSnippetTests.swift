import KilnGenerator
import Testing

/// Names that come from the spec or the user end up as valid, unshadowed Swift identifiers.
@Suite struct NamingSnippetTests {
    @Test func runtimeTypeNamesAreNotShadowed() throws {
        let code = try generatedSwift(schemasSpec("""
                    Response: {type: string}
                    MockOperation: {type: object, properties: {message: {type: string}}}
                    UploadBody: {type: integer}
                    PathEncoder: {type: string}
            """))
        #expect(code.contains("public typealias ResponseModel = String"))
        #expect(code.contains("public struct MockOperationModel: Codable"))
        #expect(code.contains("public typealias UploadBodyModel = Int"))
        #expect(code.contains("public typealias PathEncoderModel = String"))
    }
}
