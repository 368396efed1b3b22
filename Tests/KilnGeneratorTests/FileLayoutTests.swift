import Foundation
import Testing
@testable import KilnGenerator

@Suite struct FileLayoutTests {
    @Test func aDeclarationCostsItsCodeBytesNotItsIndentationCommentsOrEmptyLines() {
        let text = "/// Docs of any length cost nothing.\n    let a = 1\n\n    // a comment\n  \nfunc f() {}"
        // "let a = 1" (9) + "func f() {}" (11), one newline each; a line of spaces costs its newline.
        #expect(FileLayout.compileCost(text) == 10 + 12 + 1)
        #expect(FileLayout.compileCost("") == 0)
        #expect(FileLayout.compileCost("/") == 2)
        #expect(FileLayout.compileCost("é\n") == 3)
    }

    @Test func theCostliestGoFirstToTheCheapestFileAndEachFileKeepsSpecOrder() {
        let declarations = ["let a = 1", String(repeating: "x", count: 50), "let b = 2", String(repeating: "y", count: 40)]
        let buckets = FileLayout.balance(declarations, into: 2)
        // x (51) and y (41) first; then a (10, earlier in the spec) to y's file, and b to the tie's first file.
        #expect(buckets == [[declarations[1], declarations[2]], [declarations[0], declarations[3]]])
    }
}

@Suite struct GeneratedManifestHashTests {
    @Test func isFNV1aOfTheBytes() {
        // FNV-1a 64 test vectors.
        #expect(GeneratedManifest.hash([]) == "cbf29ce484222325")
        #expect(GeneratedManifest.hash(Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(GeneratedManifest.hash(Array("foobar".utf8)) == "85944171f73967e8")
        #expect(GeneratedManifest.hash("foobar") == "85944171f73967e8")
        #expect(GeneratedManifest.hash("") == "cbf29ce484222325")
    }
}
