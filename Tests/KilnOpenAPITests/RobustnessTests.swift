import Foundation
import KilnDiagnostics
import KilnOpenAPI
import Testing

/// Hostile or broken input gets one located error: no crash, no hang, no runaway memory.
@Suite struct RobustnessTests {
    private func diagnostics(for text: String, file: String = "input.yaml") -> [String] {
        let collector = DiagnosticCollector()
        _ = SpecLoader.load(text: text, file: file, diagnostics: collector)
        return collector.sorted.map(\.description)
    }

    @Test func deepJSONNestingIsRefused() {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let result = diagnostics(for: text, file: "deep.json")
        #expect(result == ["deep.json:1:257: error: nesting deeper than 256 levels; the document is too deep to be a spec"])
    }

    @Test func deepYAMLNestingIsRefused() {
        var text = "openapi: 3.1.0\nx-deep:\n"
        for level in 0..<2_000 {
            text += String(repeating: " ", count: level + 1) + "a:\n"
        }
        let result = diagnostics(for: text)
        #expect(result.count == 1)
        #expect(result.first?.contains("nesting deeper than 256 levels") == true)
    }

    @Test func binaryJunkIsALocatedError() {
        var bytes: [UInt8] = Array("openapi: 3.1.0\ninfo: ".utf8)
        bytes += [0xFF, 0xFE, 0x00, 0x81, 0xC3, 0x28, 0x00, 0x07]
        let collector = DiagnosticCollector()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-junk-\(UUID()).yaml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(at: url) }
        _ = SpecLoader.load(file: url.path, diagnostics: collector)
        let messages = collector.sorted
        #expect(messages.count == 1)
        #expect(messages.first?.severity == .error)
        #expect(messages.first?.location.line == 2)
        #expect(messages.first?.message.hasPrefix("malformed YAML: invalid leading UTF-8 octet") == true)
    }

    @Test func missingFileAndDirectoryAreErrors() {
        let missing = SpecLoader.load(file: "/nonexistent/spec.yaml")
        #expect(missing.diagnostics.map(\.description) == ["/nonexistent/spec.yaml:1:1: error: no such file"])
        let directory = FileManager.default.temporaryDirectory.path
        let result = SpecLoader.load(file: directory)
        #expect(result.diagnostics.map(\.description) == [
            "\(directory):1:1: error: is a directory, expected a YAML or JSON file"
        ])
    }

    @Test func whitespaceOnlyFileIsEmpty() {
        #expect(diagnostics(for: "\n  \n# just a comment\n") == [
            "input.yaml:4:1: error: the file is empty; expected an OpenAPI document"
        ])
    }

    @Test func everyErrorOfOneRunIsReported() {
        let text = """
            openapi: 3.1.0
            info:
              title: Many problems
            paths:
              /a:
                get:
                  operationId: same
                  responses:
                    "999": {description: bad}
              /b:
                get:
                  operationId: same
                  deprecated: "yes"
                  responses:
                    "200": {description: ok}
            """
        #expect(diagnostics(for: text) == [
            "input.yaml:3:3: warning: info is missing the field 'version'; Kiln uses an empty one",
            "input.yaml:9:9: error: invalid status code '999'; expected 100 to 599, a range such as 2XX, or 'default'",
            "input.yaml:12:20: error: duplicate operationId 'same'; it is already used by GET /a",
            "input.yaml:13:19: error: expected true or false for 'deprecated', found the string \"yes\"",
        ])
    }
}
