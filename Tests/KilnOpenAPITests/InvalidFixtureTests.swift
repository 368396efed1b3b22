import Foundation
import KilnOpenAPI
import Testing

/// Each file in Fixtures/invalid is one broken spec; its `.expected` sibling lists the exact diagnostics,
/// as `line:col: severity: message` (prefixed with the file when the problem is in another file).
@Suite struct InvalidFixtureTests {
    static let folder = TestPaths.fixtures.appendingPathComponent("invalid")
    static let cases = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?
        .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
        .sorted() ?? []

    @Test func thereAreFixtures() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func reportsExactDiagnostics(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let expectedFile = Self.folder.appendingPathComponent(
            (name as NSString).deletingPathExtension + ".expected")
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
            .split(separator: "\n").map(String.init)

        let result = SpecLoader.load(file: path)
        let actual = result.diagnostics.map { diagnostic -> String in
            let text = diagnostic.description
            let ownPrefix = path + ":"
            if text.hasPrefix(ownPrefix) { return String(text.dropFirst(ownPrefix.count)) }
            return text.replacingOccurrences(of: Self.folder.path + "/", with: "")
        }
        #expect(actual == expected)
        #expect(!expected.isEmpty, "a fixture in invalid/ must expect at least one diagnostic")
    }
}
