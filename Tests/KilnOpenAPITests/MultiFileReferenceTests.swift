import Foundation
import KilnOpenAPI
import Testing

/// `$ref` where OpenAPI has no Reference Object, as multi-file specs use it (Fixtures/multifile).
@Suite struct MultiFileReferenceTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("multifile")

    private func load(_ name: String) -> SpecLoader.Result {
        SpecLoader.load(file: Self.folder.appendingPathComponent(name).path)
    }

    private func relative(_ result: SpecLoader.Result) -> [String] {
        result.diagnostics.map { $0.description.replacingOccurrences(of: Self.folder.path + "/", with: "") }
    }

    @Test func operationsDescriptionsAndPathItemsComeFromTheirFiles() throws {
        let result = load("spec.yaml")
        #expect(relative(result) == [
            "spec.yaml:17:17: warning: $ref '#/components/requestBodies/Kinds' points to a request body, "
                + "but a response is expected here; reading it as a response"
        ])
        let document = try #require(result.document)
        #expect(document.info.description == "The droplet API.\n")
        let list = try #require(document.paths["/droplets"]?.operations.first?.operation)
        #expect(list.operationId == "listDroplets")
        // The parameter's ref is relative to list.yml, two folders down, and is imported as a component.
        #expect(list.parameters.first?.reference?.ref == "#/components/parameters/per_page")
        #expect(document.components.parameters["per_page"] != nil)
        // A path item that is a $ref brings its operations along.
        let item = try #require(document.paths["/droplets/{id}"])
        #expect(item.operations.map(\.operation.operationId) == ["getDroplet"])
    }

    @Test func aPointerThroughARefContinuesInItsTarget() throws {
        let document = try #require(load("spec.yaml").document)
        let through = try #require(document.paths["/through"]?.operations.first?.operation)
        let response = try #require(through.responses["200"].flatMap(document.resolve))
        // `.../items` is itself a $ref to models/droplet.yml: the same component the other operations use.
        #expect(response.content["application/json"]?.schema?.ref?.ref == "#/components/schemas/droplet")
        #expect(document.components.schemas.keys.filter { $0.hasPrefix("droplet") } == ["droplet"])
    }

    @Test func pathsAndSchemasMapsInOtherFilesAndComponentsThatNameAFile() throws {
        let result = load("maps/spec.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.paths["/pets"]?.operations.first?.operation.operationId == "listPets")
        // `Pet: {$ref: './pet.yaml'}` makes the file's schema `Pet`, not an import behind an alias.
        #expect(document.components.schemas.keys == ["Pet", "Owner"])
        #expect(document.components.schemas["Pet"]?.properties.keys == ["name"])
        let owner = try #require(document.components.schemas["Owner"])
        #expect(owner.properties["pets"]?.items?.ref?.ref == "#/components/schemas/Pet")
    }

    @Test func cyclesAcrossFilesAreLocatedErrorsInTheFileThatHoldsThem() {
        let result = load("cycle/spec.yaml")
        #expect(relative(result) == [
            "cycle/b.yaml:2:9: error: $ref 'a.yaml' is circular: following it leads back to itself",
            "cycle/b.yaml:4:9: error: $ref 'b.yaml#/text' is circular: following it leads back to itself",
            "cycle/spec.yaml:17:11: warning: unknown field 'summary' in a response; it is ignored",
        ])
    }
}
