import Foundation
import KilnCLI
import Testing

/// kiln.json's `filter`, `nameOverrides` and `typeOverrides` through `kiln generate`, and `kiln list`.
@Suite struct CustomizationCommandTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Users, version: "1"}
        paths:
          /users:
            get:
              operationId: listUsers
              tags: [users]
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/User"}}}}
          /groups:
            get:
              operationId: listGroups
              tags: [groups]
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Group"}}}}
        components:
          schemas:
            User: {type: object, properties: {id: {$ref: "#/components/schemas/UserId"}}}
            UserId: {type: string}
            Group: {type: object, properties: {name: {type: string}}}
        """

    private func run(_ arguments: [String]) -> (code: Int32, output: String, errors: String) {
        let output = CapturedOutput()
        let errors = CapturedOutput()
        let code = Kiln.run(arguments, output: output, errors: errors)
        return (code, output.text, errors.text)
    }

    /// A folder with the spec and a kiln.json holding `config`; removed by the caller.
    private func folder(config: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-customize-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.spec.utf8).write(to: folder.appendingPathComponent("users.yaml"))
        try Data(config.utf8).write(to: folder.appendingPathComponent("kiln.json"))
        return folder
    }

    @Test func aFilteredClientHasOnlyTheKeptOperationsAndTheirModels() throws {
        let folder = try folder(config: """
            {
              "spec": "users.yaml",
              "filter": {"tags": ["users"]},
              "typeOverrides": {"UserId": "Foundation.UUID"},
              "additionalImports": ["UserTypes"]
            }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let result = run(["generate", "--config", folder.appendingPathComponent("kiln.json").path, "-o", output.path, "--quiet"])
        #expect(result.code == 0, "\(result.errors)")
        let code = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted().map {
            try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8)
        }.joined()
        #expect(code.contains("func listUsers(") || code.contains("func list("))
        #expect(!code.contains("listGroups") && !code.contains("struct Group"))
        #expect(code.contains("public struct User: Codable") && code.contains("public let id: Foundation.UUID?"))
        #expect(!code.contains("UserId"))
        #expect(code.contains("import UserTypes\n"))
    }

    @Test func entriesThatNameNothingAreErrorsAtTheirLineInKilnJSON() throws {
        let folder = try folder(config: """
            {
              "spec": "users.yaml",
              "filter": {"tags": ["user"], "operationIds": ["listGroups"], "schema": ["Group"]},
              "nameOverrides": {"#/components/schemas/Usr": "Person"},
              "typeOverrides": {"#/components/schemas/User": "Foundation.UUID", "User": "Other"}
            }
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kiln.json").path
        let result = run(["generate", "--config", config, "-o", folder.appendingPathComponent("out").path])
        #expect(result.code == 1)
        #expect(result.errors == """
            \(config):3:64: error: unknown filter key 'schema'; did you mean 'schemas'?; the keys are tags, operationIds, paths, schemas

            """, "a misspelt key stops before the spec is read")
        try Data("""
            {
              "spec": "users.yaml",
              "filter": {"tags": ["user"], "operationIds": ["listGroups"]},
              "nameOverrides": {"#/components/schemas/Usr": "Person"},
              "typeOverrides": {"#/components/schemas/User": "Foundation.UUID", "User": "Other"}
            }
            """.utf8).write(to: URL(fileURLWithPath: config))
        let second = run(["generate", "--config", config, "-o", folder.appendingPathComponent("out").path])
        #expect(second.code == 1)
        #expect(second.errors == """
            \(config):3:23: error: no operation has tag 'user'; did you mean 'users'?
            \(config):4:21: error: '#/components/schemas/Usr' names nothing: '#/components/schemas' has no 'Usr'; did you mean 'User'?
            \(config):5:69: error: 'User' overlaps the override '#/components/schemas/User' at \(config):5:21; each object can have one override

            """)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func filterFlagsAreCheckedLikeTheConfig() throws {
        let folder = try folder(config: "{}")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("users.yaml").path
        let result = run(["generate", spec, "-o", folder.appendingPathComponent("out").path, "--filter-operation", "listUser"])
        #expect(result.code == 1)
        #expect(result.errors == "command line:1:5: error: no operation has operationId 'listUser'; did you mean 'listUsers'?\n")
    }

    @Test func listPrintsTagsOperationsAndSchemasWithCounts() throws {
        let folder = try folder(config: "{}")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = run(["list", folder.appendingPathComponent("users.yaml").path])
        #expect(result.code == 0, "\(result.errors)")
        #expect(result.output == """
            tags (2):
              users  1 operation
              groups 1 operation
            operations (2):
              listUsers  GET /users  [users]
              listGroups GET /groups [groups]
            schemas (3):
              User   used by 1 operation
              UserId used by 1 operation
              Group  used by 1 operation

            """)
    }
}
