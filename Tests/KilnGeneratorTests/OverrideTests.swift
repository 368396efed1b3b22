import KilnDiagnostics
import KilnGenerator
import KilnOpenAPI
import Testing

/// `nameOverrides` and `typeOverrides` from kiln.json, applied to a spec that cannot be edited.
@Suite struct OverrideTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Shop, version: "1"}
        paths:
          /orders/{order_id}:
            get:
              operationId: get_order_by_id
              parameters:
                - {name: order_id, in: path, required: true, schema: {$ref: "#/components/schemas/OrderId"}}
                - {name: x_fields, in: query, schema: {type: string}}
              responses:
                "200":
                  description: ok
                  content: {application/json: {schema: {$ref: "#/components/schemas/order_v2"}}}
        components:
          schemas:
            OrderId: {type: object, properties: {raw: {type: string}}}
            order_v2:
              type: object
              required: [id]
              properties:
                id: {$ref: "#/components/schemas/OrderId"}
                ttl_secs: {type: integer}
                lines: {type: array, items: {type: object, properties: {sku_code: {type: string}}}}
        """

    private func generate(
        names: [(String, String)] = [], types: [(String, String)] = [], imports: [String] = []
    ) throws -> (code: String, diagnostics: [String]) {
        let diagnostics = DiagnosticCollector()
        let document = try #require(SpecLoader.load(text: Self.spec, file: "shop.yaml", diagnostics: diagnostics))
        #expect(!diagnostics.hasErrors, "\(diagnostics.diagnostics)")
        var customization = SpecCustomization()
        let at = { (line: Int) in SourceLocation(file: "kiln.json", line: line, column: 5) }
        customization.nameOverrides = names.enumerated().map {
            NameOverride(pointer: LocatedText($0.element.0, at: at($0.offset + 1)), name: LocatedText($0.element.1, at: at($0.offset + 1)))
        }
        customization.typeOverrides = types.enumerated().map {
            TypeOverride(schema: LocatedText($0.element.0, at: at($0.offset + 10)), type: LocatedText($0.element.1, at: at($0.offset + 10)))
        }
        let problems = DiagnosticCollector()
        let customized = customization.apply(to: document, diagnostics: problems)
        var configuration = GeneratorConfiguration()
        configuration.typeOverrides = customized.typeOverrides
        configuration.additionalImports = imports
        let code = Generator.generate(customized.document, configuration: configuration).map(\.contents).joined(separator: "\n")
        return (code, problems.sorted.map(\.description))
    }

    @Test func renamesASchemaAPropertyAnOperationAndAParameter() throws {
        let result = try generate(names: [
            ("#/components/schemas/order_v2", "Order"),
            ("#/components/schemas/order_v2/properties/ttl_secs", "timeToLive"),
            ("#/components/schemas/order_v2/properties/lines/items/properties/sku_code", "sku"),
            ("#/paths/~1orders~1{order_id}/get", "fetchOrder"),
            ("#/paths/~1orders~1{order_id}/get/parameters/x_fields", "fields"),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.code.contains("public struct Order: Codable"))
        #expect(!result.code.contains("OrderV2"))
        #expect(result.code.contains("public let timeToLive: Int?"))
        #expect(result.code.contains(#"self.timeToLive = try container.optionalField("ttl_secs")"#))
        #expect(result.code.contains("public let sku: String?"))
        #expect(result.code.contains("func fetchOrder(orderId: OrderId, fields: String? = nil)"), "\(result.code)")
        #expect(!result.code.contains("getOrderById"))
    }

    @Test func aTypeOverrideDeclaresNothingAndIsUsedEverywhere() throws {
        let result = try generate(types: [("OrderId", "Foundation.UUID")], imports: ["ShopTypes"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(!result.code.contains("struct OrderId"))
        #expect(result.code.contains("public let id: Foundation.UUID\n"))
        #expect(result.code.contains("orderId: Foundation.UUID"))
        #expect(result.code.components(separatedBy: "import ShopTypes\n").count - 1 == Generator.clientFileNames.count)
    }

    @Test func overridesThatNameNothingAreErrorsAtTheirLineWithSuggestions() throws {
        let result = try generate(
            names: [
                ("#/components/schemas/order_v3", "Order"),
                ("#/components/schemas/order_v2/properties/ttl", "x"),
                ("#/paths/~1orders~1{order_id}/post", "x"),
                ("components/schemas/order_v2", "x"),
            ],
            types: [("OrderID", "Foundation.UUID"), ("OrderId", "not a type")])
        #expect(result.diagnostics == [
            "kiln.json:1:5: error: '#/components/schemas/order_v3' names nothing: '#/components/schemas' has no 'order_v3'; did you mean 'order_v2'?",
            "kiln.json:2:5: error: '#/components/schemas/order_v2/properties/ttl' names nothing: '#/components/schemas/order_v2/properties' has no 'ttl'; did you mean 'ttl_secs'?",
            "kiln.json:3:5: error: '#/paths/~1orders~1{order_id}/post' names nothing: '#/paths/~1orders~1{order_id}' has no 'post'",
            "kiln.json:4:5: error: 'components/schemas/order_v2' is not a JSON pointer into the spec; write '#/components/schemas/Name', '#/paths/~1users/get' or a property or parameter below them",
            "kiln.json:10:5: error: no schema 'OrderID' in components.schemas; did you mean 'OrderId'?",
            "kiln.json:11:5: error: 'not a type' is not a Swift type name; write a name such as 'UUID' or 'Foundation.UUID'",
        ])
    }

    @Test func overlappingOverridesAreErrors() throws {
        let result = try generate(
            names: [
                ("#/paths/~1orders~1{order_id}/get/parameters/1", "fields"),
                ("#/paths/~1orders~1{order_id}/get/parameters/x_fields", "other"),
                ("#/components/schemas/OrderId", "Identifier"),
            ],
            types: [("OrderId", "Foundation.UUID")])
        #expect(result.diagnostics == [
            "kiln.json:2:5: error: '#/paths/~1orders~1{order_id}/get/parameters/x_fields' overlaps the override '#/paths/~1orders~1{order_id}/get/parameters/1' at kiln.json:1:5; each object can have one override",
            "kiln.json:10:5: error: 'OrderId' overlaps the override '#/components/schemas/OrderId' at kiln.json:3:5; each object can have one override",
        ])
    }
}
