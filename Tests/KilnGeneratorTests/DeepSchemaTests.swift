import Foundation
import KilnGenerator
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

    @Test func aLongPropertyReferenceChainIsLinear() throws {
        let spec = chain(10_000) { "{type: object, properties: {a: {$ref: '#/components/schemas/S\($0 + 1)'}}}" }
            + "\n        S10000: {type: string}"
        let start = Date()
        let code = try generatedSwift(spec)
        // Seconds in a debug build; the quadratic version took half a minute and 1.6 GB.
        #expect(Date().timeIntervalSince(start) < 15)
        #expect(code.contains("public struct S0: Codable"))
        #expect(code.contains("public let a: S1?\n"))
        #expect(code.contains("public typealias S10000 = String"))
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
