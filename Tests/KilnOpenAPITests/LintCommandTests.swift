import Foundation
import KilnCLI
import Testing

@Suite struct LintCommandTests {
    private func run(_ arguments: [String]) -> (code: Int32, output: String, errors: String) {
        let output = CapturedOutput()
        let errors = CapturedOutput()
        let code = Kiln.run(arguments, output: output, errors: errors)
        return (code, output.text, errors.text)
    }

    @Test func cleanSpecExitsZeroSilently() {
        let spec = TestPaths.fixtures.appendingPathComponent("valid/everything.yaml").path
        let result = run(["lint", spec])
        #expect(result.code == 0)
        #expect(result.errors.isEmpty)
    }

    @Test func errorsExitOneWithLocatedLines() {
        let folder = TestPaths.fixtures.appendingPathComponent("invalid")
        let result = run(["lint", folder.appendingPathComponent("status-codes.yaml").path])
        #expect(result.code == 1)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix(folder.path + "/status-codes.yaml:") && $0.contains(": error: ") })
    }

    @Test func warningsAloneExitZeroAndQuietHidesThem() {
        let spec = TestPaths.fixtures.appendingPathComponent("invalid/unknown-fields.yaml").path
        let loud = run(["lint", spec])
        #expect(loud.code == 0)
        #expect(loud.errors.contains(": warning: unknown field 'operationID'"))
        let quiet = run(["lint", "--quiet", spec])
        #expect(quiet.code == 0)
        #expect(quiet.errors.isEmpty)
    }

    @Test func strictTurnsWarningsIntoErrors() {
        let spec = TestPaths.fixtures.appendingPathComponent("invalid/unknown-fields.yaml").path
        let strict = run(["lint", "--strict", spec])
        #expect(strict.code == 1)
        #expect(strict.errors.contains(": error: unknown field 'operationID'"))
        #expect(!strict.errors.contains(": warning: "))
    }

    @Test func severalSpecsAreAllChecked() {
        let folder = TestPaths.fixtures.appendingPathComponent("invalid")
        let result = run(["lint", folder.appendingPathComponent("swagger2.yaml").path,
                          folder.appendingPathComponent("empty.yaml").path])
        #expect(result.code == 1)
        #expect(result.errors.contains("swagger2.yaml:1:10: error: this is a Swagger 2.0 document"))
        #expect(result.errors.contains("empty.yaml:1:1: error: the file is empty"))
    }

    @Test func helpAndUsageErrors() {
        let help = run(["lint", "--help"])
        #expect(help.code == 0)
        #expect(help.output.contains("USAGE: kiln lint <spec>"))
        #expect(run(["lint"]).code == 64)
        #expect(run(["lint", "--bogus", "x.yaml"]).code == 64)
        #expect(run(["frobnicate"]).code == 64)
        #expect(run(["--help"]).output.contains("lint"))
    }
}
