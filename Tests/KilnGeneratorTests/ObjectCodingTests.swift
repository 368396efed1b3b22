import KilnGenerator
import Testing

/// How structs code their fields when the synthesized Codable would lose something.
@Suite struct ObjectCodingTests {
    @Test func additionalPropertiesBesidePropertiesAreKept() throws {
        let code = try generatedSwift(schemasSpec("""
                    Counters:
                      type: object
                      properties: {p: {type: string}}
                      additionalProperties: {type: integer}
                    Open:
                      type: object
                      properties: {p: {type: string}}
                      additionalProperties: true
            """))
        #expect(code.contains("    public let additionalProperties: [String: Int]\n"))
        #expect(code.contains("public init(p: String? = nil, additionalProperties: [String: Int] = [:]) {"))
        #expect(code.contains(#"self.additionalProperties = try decoder.additionalProperties(Int.self, excluding: ["p"])"#))
        #expect(code.contains("""
                public func encode(to encoder: any Encoder) throws {
                    try encoder.encodeAdditionalProperties(self.additionalProperties)
                    var container = encoder.modelContainer()
                    try container.optionalField(self.p, "p")
                }
            """))
        #expect(code.contains("    public let additionalProperties: [String: JSONValue]\n"))
    }

    /// A property may itself be called additionalProperties; the dictionary then takes another name.
    @Test func theDictionaryGivesWayToAPropertyOfTheSameName() throws {
        let code = try generatedSwift(schemasSpec("""
                    Odd:
                      type: object
                      properties: {additionalProperties: {type: boolean}}
                      additionalProperties: {type: string}
            """))
        #expect(code.contains("public let additionalProperties: Bool?\n"))
        #expect(code.contains("public let additionalProperties2: [String: String]\n"))
    }

    /// No extra member where the schema allows no extra keys or says nothing; the decoder reads the
    /// named properties only, and no model declares a CodingKeys enum (ModelKey keys them all).
    @Test func structsWithoutAdditionalPropertiesHaveNoExtraMember() throws {
        let code = try generatedSwift(schemasSpec("""
                    Plain: {type: object, properties: {p: {type: string}}}
                    Closed: {type: object, properties: {p: {type: string}}, additionalProperties: false}
            """))
        #expect(!code.contains("additionalProperties"))
        #expect(code.contains(#"self.p = try container.optionalField("p")"#))
        #expect(!code.contains("CodingKeys"))
    }

    /// Required and nullable: the key must always be present, so nil is sent as `null` and the caller
    /// must pass a value (no `= nil`). Optional nullable fields are still left out when nil.
    @Test func requiredNullableFieldsAreSentAsNull() throws {
        let code = try generatedSwift(schemasSpec("""
                    Row:
                      type: object
                      required: [req]
                      properties:
                        req: {type: [integer, "null"]}
                        opt: {type: [integer, "null"]}
            """))
        #expect(code.contains("public let req: Int?\n"))
        #expect(code.contains("public init(req: Int?, opt: Int? = nil) {"))
        #expect(code.contains(#"try container.field(self.req, "req")"# + "\n"))
        #expect(code.contains(#"try container.optionalField(self.opt, "opt")"# + "\n"))
        // Decoding stays lenient: a missing key is nil, as before.
        #expect(code.contains(#"self.req = try container.optionalField("req")"#))
    }

    /// The encoder's locals are `encoder` and `container`; properties of those names must not be confused with them.
    @Test func propertiesNamedLikeTheEncodersLocals() throws {
        let code = try generatedSwift(schemasSpec("""
                    Box:
                      type: object
                      properties:
                        container: {type: string}
                        encoder: {type: string, readOnly: true}
                      additionalProperties: {type: integer}
            """))
        #expect(code.contains(#"try container.optionalField(self.container, "container")"# + "\n"))
        #expect(code.contains(#"try container.optionalField(self.encoder, "encoder")"# + "\n"))
    }
}
