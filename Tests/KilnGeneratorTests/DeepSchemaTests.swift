import Foundation
import KilnDiagnostics
import KilnOpenAPI
@testable import KilnGenerator
import Testing

/// Long chains of references, built here rather than stored: generation must stay linear and must not
/// recurse once per link (a chain of 500 allOf references crashed it with a stack overflow).
@Suite struct DeepSchemaTests {
    private func chain(_ count: Int, _ link: (Int) -> String) -> String {
        schemasSpec((0..<count).map { "        S\($0): \(link($0))" }.joined(separator: "\n"))
    }

    @Test func aLongAllOfChainIsAliasedToItsEnd() throws {
        let spec = chain(500) { "{allOf: [{$ref: '#/components/schemas/S\($0 + 1)'}]}" }
            + "\n        S500: {type: object, properties: {z: {type: string}}}"
        let code = try generatedSwift(spec)
        #expect(code.contains("public typealias S0 = S1\n"))
        #expect(code.contains("public struct S500: Codable"))
    }

    /// Merging hundreds of allOf parts into one struct is not useful: beyond the limit the schema is JSON.
    @Test func anAllOfChainTooDeepToMergeIsJSON() throws {
        let spec = chain(500) { "{type: object, allOf: [{$ref: '#/components/schemas/S\($0 + 1)'}], properties: {f\($0): {type: string}}}" }
            + "\n        S500: {type: object, properties: {z: {type: string}}}"
        let code = try generatedSwift(spec)
        #expect(code.contains("public typealias S0 = [String: JSONValue]\n"))
        #expect(code.contains("public struct S499: Codable"))
    }

    private func propertyChain(_ count: Int) -> String {
        chain(count) { "{type: object, properties: {a: {$ref: '#/components/schemas/S\($0 + 1)'}}}" }
            + "\n        S\(count): {type: string}"
    }

    /// The analysis steps a translation of all components takes (structure, not seconds: timing
    /// belongs in benchmarks).
    private func analysisWork(_ spec: String) throws -> Int {
        let diagnostics = DiagnosticCollector()
        let document = try #require(SpecLoader.load(text: spec, file: "chain.yaml", diagnostics: diagnostics))
        let models = ModelTranslator(document: document, access: .public, reservedNames: [])
        _ = models.componentDeclarations()
        return models.analysis.work
    }

    @Test func aLongPropertyReferenceChainIsLinear() throws {
        let code = try generatedSwift(propertyChain(10_000))
        #expect(code.contains("public struct S0: Codable"))
        #expect(code.contains("public let a: S1?\n"))
        #expect(code.contains("public typealias S10000 = String"))
        // Ten times the links, about ten times the work; the quadratic version did a hundred times as much.
        let small = try analysisWork(propertyChain(1_000))
        let large = try analysisWork(propertyChain(10_000))
        #expect(small > 1_000)
        #expect(large <= small * 11, "work \(small) for 1,000 links, \(large) for 10,000")
    }

    /// An alias in the cycle (`A` names `B`) used to hide it, so `B` stored `A` inline: infinite size.
    @Test func aCycleThroughAnAliasIsIndirect() throws {
        let code = try generatedSwift(schemasSpec("""
                    A: {$ref: '#/components/schemas/B'}
                    B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}}
            """))
        #expect(code.contains("@Indirect\n    public var a: A?"))
    }
}
