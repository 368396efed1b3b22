import KilnDiagnostics
import KilnGenerator
import KilnOpenAPI
import Testing

/// Types defined in terms of themselves (Swift rejects `typealias G = [G]`) become something that compiles
/// and finishes decoding.
@Suite struct TypeCycleTests {
    @Test func recursiveArraysAndMapsWrapTheirValue() throws {
        let code = try generatedSwift(schemasSpec("""
                    G: {type: array, items: {$ref: '#/components/schemas/G'}}
                    H: {type: object, additionalProperties: {$ref: '#/components/schemas/H'}}
            """))
        #expect(!code.contains("typealias G"))
        #expect(code.contains("public struct G: Codable, Equatable, Sendable {\n    /// The schema's value; a struct rather than an alias because it contains itself.\n    public let value: [G]\n"))
        #expect(code.contains("public init(_ value: [G]) {"))
        #expect(code.contains("value = try decoder.singleValueContainer().decode([G].self)"))
        #expect(code.contains("var container = encoder.singleValueContainer()\n        try container.encode(value)"))
        #expect(code.contains("public struct H: Codable, Equatable, Sendable {"))
        #expect(code.contains("public let value: [String: H]\n"))
    }

    /// Only the array or map is wrapped; an alias that names it stays an alias.
    @Test func aCycleThroughAnAliasWrapsOnlyTheContainer() throws {
        let code = try generatedSwift(schemasSpec("""
                    List: {type: array, items: {$ref: '#/components/schemas/Entry'}}
                    Entry: {$ref: '#/components/schemas/List'}
            """))
        #expect(code.contains("public struct List: Codable"))
        #expect(code.contains("public let value: [Entry]\n"))
        #expect(code.contains("public typealias Entry = List\n"))
    }

    @Test func pureReferenceCyclesAreJSON() throws {
        // Lint reports A -> B -> A as an error, so `kiln generate` stops; the generator still must not
        // emit `typealias A = B; typealias B = A` for a caller that generates anyway.
        let diagnostics = DiagnosticCollector()
        let document = try #require(SpecLoader.load(text: schemasSpec("""
                    A: {$ref: '#/components/schemas/B'}
                    B: {$ref: '#/components/schemas/A'}
                    F: {allOf: [{$ref: '#/components/schemas/F'}]}
                    C: {$ref: '#/components/schemas/A'}
            """), file: "snippet.yaml", diagnostics: diagnostics))
        #expect(diagnostics.diagnostics.map(\.message).contains { $0.contains("cycle") })
        let code = Generator.generate(document, configuration: GeneratorConfiguration()).map(\.contents).joined(separator: "\n")
        #expect(code.contains("public typealias A = JSONValue\n"))
        #expect(code.contains("public typealias B = JSONValue\n"))
        #expect(code.contains("public typealias F = JSONValue\n"))
        // Not on the cycle: it names a type that now exists.
        #expect(code.contains("public typealias C = A\n"))
    }

    /// A oneOf that reaches itself through bare variants would try itself forever when decoding, and
    /// `indirect enum E { case e(E) }` does not compile.
    @Test func oneOfCyclesWithoutStructureAreJSON() throws {
        let code = try generatedSwift(schemasSpec("""
                    C: {oneOf: [{$ref: '#/components/schemas/D'}, {type: string}]}
                    D: {oneOf: [{$ref: '#/components/schemas/C'}, {type: integer}]}
                    E: {anyOf: [{$ref: '#/components/schemas/E'}]}
                    Tree: {oneOf: [{type: array, items: {$ref: '#/components/schemas/Tree'}}, {type: string}]}
            """))
        #expect(code.contains("public typealias C = JSONValue\n"))
        #expect(code.contains("public typealias D = JSONValue\n"))
        #expect(code.contains("public typealias E = JSONValue\n"))
        // Through an array, decoding reads a level of input per step: the enum stays.
        #expect(code.contains("public indirect enum Tree: Codable, Equatable, Sendable {"))
    }

    /// The contract test's made-up reply must decode: a tree of arrays ends in `[]`, not `null`.
    @Test func contractTestsSampleARecursiveArrayAsArrays() throws {
        let code = try generatedSwift("""
            openapi: 3.1.0
            info: {title: Snippet API, version: "1"}
            paths:
              /tree:
                get:
                  operationId: getTree
                  responses:
                    "200": {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Tree'}}}}
            components:
              schemas:
                Tree: {type: array, items: {$ref: '#/components/schemas/Tree'}}
            """, GeneratorConfiguration(mode: .tests, clientModule: "Snippet"))
        #expect(code.contains("let reply = #\"[[[[]]]]\"#"))
    }
}
