import KilnDiagnostics
import KilnOpenAPI
import Testing

/// `filter`: the kept operations and exactly the components they reach, however they reach them.
@Suite struct DocumentFilterTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Pets, version: "1"}
        security: [{apiKey: []}]
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [pets]
              parameters: [{$ref: "#/components/parameters/Limit"}]
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}}}
                default: {$ref: "#/components/responses/Problem"}
          /pets/{id}:
            parameters: [{name: id, in: path, required: true, schema: {$ref: "#/components/schemas/PetId"}}]
            get:
              operationId: getPet
              tags: [pets]
              responses: {"200": {description: ok}}
          /owners:
            post:
              operationId: createOwner
              tags: [owners]
              security: [{oauth: []}]
              requestBody: {$ref: "#/components/requestBodies/NewOwner"}
              responses: {"201": {description: created}}
        webhooks:
          petAdopted:
            post:
              operationId: petAdopted
              tags: [events]
              requestBody: {content: {application/json: {schema: {$ref: "#/components/schemas/Adoption"}}}}
              responses: {"200": {description: ok}}
        components:
          parameters:
            Limit: {name: limit, in: query, schema: {$ref: "#/components/schemas/Limit"}}
            Unused: {name: unused, in: query, schema: {type: string}}
          responses:
            Problem:
              description: error
              headers: {X-Trace: {$ref: "#/components/headers/Trace"}}
              content: {application/json: {schema: {$ref: "#/components/schemas/Problem"}}}
          headers:
            Trace: {schema: {$ref: "#/components/schemas/TraceId"}}
          requestBodies:
            NewOwner: {content: {application/json: {schema: {$ref: "#/components/schemas/Owner"}}}}
          securitySchemes:
            apiKey: {type: apiKey, name: X-Key, in: header}
            oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://x/token", scopes: {}}}}
          schemas:
            Pet:
              oneOf: [{$ref: "#/components/schemas/Dog"}]
              discriminator: {propertyName: kind, mapping: {dog: Dog, cat: "#/components/schemas/Cat"}}
            Dog:
              allOf: [{$ref: "#/components/schemas/Animal"}]
              properties: {toys: {type: object, additionalProperties: {$ref: "#/components/schemas/Toy"}}}
            Cat: {type: object, properties: {tags: {type: array, prefixItems: [{$ref: "#/components/schemas/Tag"}]}}}
            Animal: {type: object, properties: {kind: {type: string}}}
            Toy: {type: object, properties: {not: {not: {$ref: "#/components/schemas/Forbidden"}}}}
            Tag: {type: string}
            Forbidden: {type: string}
            Limit: {type: integer}
            PetId: {type: string}
            Problem: {type: object, properties: {detail: {type: string}}}
            TraceId: {type: string}
            Owner: {type: object, properties: {pets: {type: array, items: {$ref: "#/components/schemas/Pet"}}}}
            Adoption: {type: object, properties: {pet: {$ref: "#/components/schemas/PetId"}}}
            Unrelated: {type: object, properties: {other: {$ref: "#/components/schemas/Tag"}}}
        """

    private func load() throws -> OpenAPIDocument {
        let diagnostics = DiagnosticCollector()
        let document = try #require(SpecLoader.load(text: Self.spec, file: "pets.yaml", diagnostics: diagnostics))
        #expect(!diagnostics.hasErrors, "\(diagnostics.diagnostics)")
        return document
    }

    private func entries(_ texts: String...) -> [LocatedText] {
        texts.enumerated().map { LocatedText.argument($0.element, index: $0.offset) }
    }

    private func operations(_ document: OpenAPIDocument) -> [String] {
        (document.paths.values + document.webhooks.values).flatMap { $0.operations.compactMap(\.operation.operationId) }
    }

    @Test func keepsExactlyTheSchemasTheOperationReaches() throws {
        var filter = DocumentFilter()
        filter.operationIds = entries("listPets")
        let filtered = filter.apply(to: try load())
        #expect(operations(filtered) == ["listPets"])
        // Cat only through the discriminator mapping, Toy through additionalProperties, Tag through
        // prefixItems, Forbidden through not, Animal through allOf, TraceId through a response header.
        #expect(
            Set(filtered.components.schemas.keys)
                == ["Pet", "Dog", "Cat", "Animal", "Toy", "Tag", "Forbidden", "Limit", "Problem", "TraceId"])
        #expect(filtered.components.parameters.keys == ["Limit"])
        #expect(filtered.components.responses.keys == ["Problem"])
        #expect(filtered.components.headers.keys == ["Trace"])
        #expect(filtered.components.requestBodies.isEmpty)
        #expect(filtered.components.securitySchemes.keys == ["apiKey"], "the document's security requirement, not oauth")
        #expect(filtered.webhooks.isEmpty)
        #expect(filtered.paths.keys == ["/pets"])
    }

    @Test func pathPrefixesKeepThePathAndEverythingBelow() throws {
        var filter = DocumentFilter()
        filter.paths = entries("/pets/**")
        let filtered = filter.apply(to: try load())
        #expect(operations(filtered) == ["listPets", "getPet"])
        #expect(filtered.components.schemas["PetId"] != nil, "a path-level parameter's schema")
        var exact = DocumentFilter()
        exact.paths = entries("/pets/{id}")
        #expect(operations(exact.apply(to: try load())) == ["getPet"])
    }

    @Test func tagsRequestBodiesOperationSecurityAndExtraSchemas() throws {
        var filter = DocumentFilter()
        filter.tags = entries("owners")
        filter.schemas = entries("#/components/schemas/Unrelated")
        let filtered = filter.apply(to: try load())
        #expect(operations(filtered) == ["createOwner"])
        #expect(filtered.components.requestBodies.keys == ["NewOwner"])
        #expect(Set(filtered.components.securitySchemes.keys) == ["apiKey", "oauth"])
        #expect(Set(filtered.components.schemas.keys) == ["Owner", "Pet", "Dog", "Cat", "Animal", "Toy", "Tag", "Forbidden", "Unrelated"])
    }

    @Test func webhooksAreKeptOnlyWhenTheFilterNamesThem() throws {
        var filter = DocumentFilter()
        filter.tags = entries("events")
        let filtered = filter.apply(to: try load())
        #expect(filtered.paths.isEmpty)
        #expect(operations(filtered) == ["petAdopted"])
        #expect(Set(filtered.components.schemas.keys) == ["Adoption", "PetId"])
    }

    @Test func anEmptyFilterKeepsEverything() throws {
        let document = try load()
        let filtered = DocumentFilter().apply(to: document)
        #expect(filtered.components.schemas.keys == document.components.schemas.keys)
        #expect(operations(filtered) == operations(document))
    }

    @Test func entriesThatNameNothingAreLocatedErrorsWithSuggestions() throws {
        var filter = DocumentFilter()
        filter.tags = entries("pet")
        filter.operationIds = entries("listPet")
        filter.paths = entries("/pet/**", "/owner")
        filter.schemas = entries("Onwer")
        let diagnostics = DiagnosticCollector()
        filter.validate(against: try load(), diagnostics: diagnostics)
        #expect(diagnostics.diagnostics.map(\.description) == [
            "command line:1:1: error: no operation has tag 'pet'; did you mean 'pets'?",
            "command line:1:1: error: no operation has operationId 'listPet'; did you mean 'listPets'?",
            "command line:1:1: error: no path starts with '/pet'; did you mean '/pets'?",
            "command line:1:2: error: no path '/owner'; did you mean '/owners'?",
            "command line:1:1: error: no schema 'Onwer' in components.schemas; did you mean 'Owner'?",
        ])
    }
}
