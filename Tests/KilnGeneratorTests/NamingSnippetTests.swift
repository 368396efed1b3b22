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

    @Test(arguments: [("my client", "MyClient"), ("class", "Class"), ("9Lives", "_9Lives"), ("PetStore", "PetStore")])
    func clientNamesBecomeIdentifiers(_ chosen: String, _ expected: String) throws {
        let code = try generatedSwift(schemasSpec("        Pet: {type: string}"), GeneratorConfiguration(clientName: chosen))
        #expect(code.contains("public struct \(expected): Sendable {"))
        #expect(code.contains("public final class \(expected)Mock: "))
    }

    @Test func specChosenNamesBecomeIdentifiers() throws {
        let code = try generatedSwift(schemasSpec("""
                    A: {type: object, x-kiln-name: "my type", properties: {p: {type: string}}}
            """, extra: "x-kiln-client-name: \"my api\"\n"))
        #expect(code.contains("public struct MyApi: Sendable {"))
        #expect(code.contains("public struct MyType: Codable"))
    }

    @Test func aSchemaNamedLikeTheClientIsRenamed() throws {
        let code = try generatedSwift(schemasSpec("""
                    Pet: {type: object, properties: {a: {type: string}}}
            """), GeneratorConfiguration(clientName: "Pet"))
        #expect(code.contains("public struct Pet: Sendable {"))
        #expect(code.contains("public struct Pet2: Codable"))
    }

    /// `OrgTitle` is already exactly right, so it keeps the name; `Org.Title` and `org_title` give way.
    @Test func exactNamesWinCollisions() throws {
        let code = try generatedSwift(schemasSpec("""
                    Org.Title: {type: object, properties: {a: {type: string}}}
                    org_title: {type: string}
                    OrgTitle: {type: integer}
            """))
        #expect(code.contains("public typealias OrgTitle = Int"))
        #expect(code.contains("public struct OrgTitle2: Codable"))
        #expect(code.contains("public typealias OrgTitle3 = String"))
    }

    @Test func negativeEnumValuesKeepTheirSign() throws {
        let code = try generatedSwift(schemasSpec("        Level: {type: integer, enum: [-3, 3, 0]}"))
        #expect(code.contains("case minus3\n"))
        #expect(code.contains("case _3\n"))
        #expect(code.contains("case -3:\n            self = .minus3"))
    }

    @Test func mapAliasesNameTheirValueOnce() throws {
        let code = try generatedSwift(schemasSpec("""
                    OI: {type: object, additionalProperties: {type: object, properties: {x: {type: string}}}}
                    OL: {type: array, items: {type: object, properties: {x: {type: string}}}}
            """))
        #expect(code.contains("public typealias OI = [String: OIValue]"))
        #expect(code.contains("public struct OIValue: Codable"))
        #expect(code.contains("public typealias OL = [OLItem]"))
    }

    /// Inside `Pet`, a nested `Status` would shadow the component `Status` that `other` refers to.
    @Test func nestedTypesDoNotShadowComponentsTheOwnerUses() throws {
        let code = try generatedSwift(schemasSpec("""
                    Status: {type: object, properties: {code: {type: integer}}}
                    Pet:
                      type: object
                      properties:
                        status: {type: string, enum: [a, b]}
                        other: {$ref: '#/components/schemas/Status'}
                    Choice:
                      oneOf:
                        - {$ref: '#/components/schemas/Status'}
                        - {title: status, type: object, properties: {x: {type: string}}}
            """))
        #expect(code.contains("public let status: Status2?\n"))
        #expect(code.contains("public let other: Status?\n"))
        #expect(code.contains("public enum Status2: OpenEnum {"))
        #expect(code.contains("case status(Status)\n"))
        #expect(code.contains("case status2(Status2)\n"))
    }
}
