import Foundation
import KilnOpenAPI
import Testing

/// The five hand-authored specs: clean under lint, and complete against their source documents.
@Suite struct SpecsTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var operationCount: Int
        /// "METHOD path operationId" samples that must be present.
        var known: [String]
        var testDescription: String { file }
    }

    static let expectations = [
        Expectation(file: "intrexx.yaml", operationCount: 53, known: [
            "POST /auth authenticate", "GET /portals listPortals", "PATCH /{portal}/settings updatePortalSettings",
            "GET /{portal}/diagnosis downloadDiagnosis", "PUT /admin-api/license setAdminApiLicense",
        ]),
        Expectation(file: "iserv.yaml", operationCount: 41, known: [
            "GET /IServ/Core/Entity/Group listGroups", "POST /IServ/Core/Entity/Group/{id}/link/users addGroupUsers",
            "POST /IServ/Core/User/{id}/restore restoreUser", "POST /IServ/Sso/authenticate authenticateSso",
        ]),
        Expectation(file: "peiq.yaml", operationCount: 15, known: [
            "GET /users listUsers", "GET /users/me getCurrentUser", "POST /users/{user_id}/avatar uploadAvatar",
        ]),
        Expectation(file: "action-api.yaml", operationCount: 1, known: ["POST / performAction"]),
        Expectation(file: "primedocs.yaml", operationCount: 29, known: [
            "GET /Users listUsers", "GET /OrganizationUnitTree getOrganizationUnitTree",
            "DELETE /SnippetGroups/Public/{snippetGroupId}/Localized/{lcid} deleteSnippetGroupLocalization",
        ]),
    ]

    @Test(arguments: expectations)
    func specIsCleanAndComplete(_ expectation: Expectation) throws {
        let result = SpecLoader.load(file: TestPaths.specs.appendingPathComponent(expectation.file).path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        let document = try #require(result.document)
        #expect(document.version == .v3_1)
        let operations = document.paths.flatMap { path, item in
            item.operations.map { "\($0.method.rawValue.uppercased()) \(path) \($0.operation.operationId ?? "-")" }
        }
        #expect(operations.count == expectation.operationCount)
        for known in expectation.known {
            #expect(operations.contains(known), "missing \(known)")
        }
        for (path, item) in document.paths {
            for (method, operation) in item.operations {
                // Tags become client groups; an action operation's methods belong to the client itself.
                let expectedTags = operation.extensions["x-kiln-actions"] == nil ? 1 : 0
                #expect(operation.tags.count == expectedTags, "\(method) \(path) needs \(expectedTags) tags")
                #expect(operation.summary?.isEmpty == false, "\(method) \(path) needs a summary")
            }
        }
    }

    @Test func actionAPIHasTenDiscriminatedActions() throws {
        let result = SpecLoader.load(file: TestPaths.specs.appendingPathComponent("action-api.yaml").path)
        let document = try #require(result.document)
        let operation = try #require(document.paths["/"]?.operations.first?.operation)
        let body = try #require(operation.requestBody.flatMap(document.resolve))
        let schema = try #require(body.content["application/json"]?.schema)
        let discriminator = try #require(schema.discriminator)
        #expect(discriminator.propertyName == "action")
        #expect(Set(discriminator.mapping.keys) == [
            "preauth", "auth", "verifyauth", "logout", "rights", "list", "get", "create", "update", "delete",
        ])
        #expect(schema.oneOf.count == 10)
        let responses = try #require(operation.extensions["x-kiln-actions"]?["responses"]?.mapping)
        #expect(responses.count == 10)
    }
}
