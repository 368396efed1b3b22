import Foundation
import KilnOpenAPI
import KilnYAML
import Testing

/// The object model as read from Fixtures/valid/everything.yaml, a 3.1 document using every feature.
@Suite struct LoaderTests {
    static let path = TestPaths.fixtures.appendingPathComponent("valid/everything.yaml").path
    let document: OpenAPIDocument

    init() throws {
        let result = SpecLoader.load(file: Self.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        document = try #require(result.document)
    }

    @Test func infoServersAndExtensions() {
        #expect(document.version == .v3_1)
        #expect(document.info.title == "Everything")
        #expect(document.info.version == "2.5")
        #expect(document.info.extensions["x-owner"]?.scalar?.text == "platform")
        let server = document.servers.first
        #expect(server?.url == "https://{host}/{portal}/api")
        #expect(server?.variables.keys == ["host", "portal"])
        #expect(server?.variables["portal"]?.enumValues == ["main", "test"])
        #expect(document.security?.first?.schemes.keys == ["token"])
        #expect(document.tags.map(\.name) == ["pets"])
    }

    @Test func pathLevelAndOperationParameters() throws {
        let item = try #require(document.paths["/pets/{petId}"])
        #expect(item.operations.map(\.method) == [.get, .patch])
        let pathParameter = try #require(item.parameters.first.flatMap(document.resolve))
        #expect(pathParameter.name == "petId")
        #expect(pathParameter.location == .path)
        #expect(pathParameter.required)
        #expect(pathParameter.schema?.limits.pattern == "^[0-9]+$")

        let get = item.operations[0].operation
        let parameters = get.parameters.compactMap(document.resolve)
        #expect(parameters.map(\.location) == [.query, .header, .cookie])
        #expect(parameters[0].effectiveStyle == .deepObject)
        #expect(parameters[0].effectiveExplode)
        #expect(parameters[1].effectiveStyle == .simple)
        #expect(!parameters[1].effectiveExplode)
    }

    @Test func responsesKeepOrderRangesAndExternalRefs() throws {
        let get = try #require(document.paths["/pets/{petId}"]?.operations.first?.operation)
        #expect(get.responses.keys == ["200", "2XX", "default"])
        let ok = try #require(get.responses["200"].flatMap(document.resolve))
        #expect(ok.headers.keys == ["X-Rate-Limit"])
        let example = try #require(ok.content["application/json"]?.examples["rex"]?.value?.value)
        #expect(example["answer"]?.scalar?.resolved == .string("yes"), "yes stays a string under YAML 1.2")

        // The default response came from shared.yaml and now lives in components.
        let problemRef = try #require(get.responses["default"]?.reference)
        #expect(problemRef.ref == "#/components/responses/Problem")
        let problem = try #require(get.responses["default"].flatMap(document.resolve))
        #expect(problem.content["application/problem+json"]?.schema?.ref?.ref == "#/components/schemas/Problem")
        #expect(document.components.schemas["Problem"] != nil)
    }

    @Test func schemasAreNormalized() throws {
        let pet = try #require(document.components.schemas["Pet"])
        #expect(pet.types == [.object])
        #expect(pet.required == ["id", "name"])
        #expect(pet.properties.keys == ["id", "name", "kind", "answer", "parent", "tags", "owner", "odd~name/key", "slash", "shape"])
        #expect(pet.properties["id"]?.limits.maximum == 9.223372036854776e+18)
        let kind = try #require(pet.properties["kind"])
        #expect(kind.types == [.string])
        #expect(kind.isNullable)
        #expect(kind.enumValues?.map { $0.scalar?.resolved } == [
            .string("dog"), .string("cat"), .string("yes"), .string("no"), .string("on"), .string("off"), .null,
        ])
        #expect(pet.properties["parent"]?.ref?.ref == "#/components/schemas/Pet", "recursive refs stay refs")
        #expect(pet.properties["tags"]?.items?.types == [.string])
        #expect(pet.properties["odd~name/key"]?.readOnly == true)
    }

    @Test func refsOutsideComponentsAreImported() throws {
        let pet = try #require(document.components.schemas["Pet"])
        // A ref into another schema's property (with ~0 and ~1 escapes) becomes a component of its own.
        let slash = try #require(pet.properties["slash"]?.ref?.componentName)
        #expect(document.components.schemas[slash]?.types == [.boolean])
        // Owner came from shared.yaml; its back-reference to everything.yaml resolves to the local Pet.
        #expect(pet.properties["owner"]?.ref?.ref == "#/components/schemas/Owner")
        let owner = try #require(document.components.schemas["Owner"])
        #expect(owner.properties["pets"]?.items?.ref?.ref == "#/components/schemas/Pet")
    }

    @Test func compositionAndDiscriminator() throws {
        let shape = try #require(document.components.schemas["Pet"]?.properties["shape"])
        #expect(shape.oneOf.compactMap(\.ref?.componentName) == ["Circle", "Square"])
        let discriminator = try #require(shape.discriminator)
        #expect(discriminator.propertyName == "kind")
        #expect(discriminator.mapping["circle"] == "#/components/schemas/Circle")
        #expect(discriminator.mapping["square"] == "#/components/schemas/Square", "bare names become refs")
        #expect(document.components.schemas["Square"]?.allOf.count == 2)
        #expect(document.components.schemas["Circle"]?.properties["kind"]?.constValue?.scalar?.text == "circle")
        #expect(document.components.schemas["Circle"]?.properties["radius"]?.limits.exclusiveMinimum == 0)
    }

    @Test func bodiesCallbacksWebhooksAndSecurity() throws {
        let patch = try #require(document.paths["/pets/{petId}"]?.operations.last?.operation)
        #expect(patch.security?.isEmpty == true, "security: [] switches authentication off")
        let body = try #require(patch.requestBody.flatMap(document.resolve))
        #expect(body.required)
        #expect(body.content.keys == ["application/merge-patch+json", "multipart/form-data"])
        #expect(body.content["multipart/form-data"]?.encoding["photo"]?.contentType == "image/png")
        #expect(patch.callbacks["onChange"]?.value?.keys == ["{$request.body#/callbackUrl}"])
        #expect(document.webhooks["newPet"]?.operations.first?.operation.operationId == "newPetWebhook")
        let oauth = try #require(document.components.securitySchemes["oauth"].flatMap(document.resolve))
        #expect(oauth.kind == .oauth2)
        #expect(oauth.flows?.clientCredentials?.tokenUrl == "https://example.com/token")
        #expect(oauth.flows?.clientCredentials?.scopes.keys == ["read"])
        let token = try #require(document.components.securitySchemes["token"]?.value)
        #expect(token.extensions["x-kiln-login"]?["token"]?.scalar?.text == "token")
    }

    @Test func openAPI30NullableAndJSON() throws {
        let fixtures = TestPaths.fixtures.appendingPathComponent("valid")
        let result = SpecLoader.load(file: fixtures.appendingPathComponent("petstore-3.0.json").path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.version == .v3_0)
        let name = try #require(document.components.schemas["Pet"]?.properties["tag"])
        #expect(name.isNullable)
        #expect(name.types == [.string])
        #expect(document.components.schemas["Pet"]?.limits.exclusiveMinimum == nil)
        #expect(document.components.schemas["Pet"]?.properties["id"]?.limits.exclusiveMinimum == 0)
    }
}
