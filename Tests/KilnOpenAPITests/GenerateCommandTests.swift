import Foundation
import KilnCLI
import Testing

/// `kiln generate` as the build plugin and maintainers call it: config handling, and bad input that
/// stops with a located error and writes nothing.
@Suite struct GenerateCommandTests {
    private func run(_ arguments: [String]) -> (code: Int32, errors: String) {
        let errors = CapturedOutput()
        let code = Kiln.run(arguments, output: CapturedOutput(), errors: errors)
        return (code, errors.text)
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writesTheFixedFilesFromAConfig() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = TestPaths.fixtures.appendingPathComponent("valid/everything.yaml").path
        let config = folder.appendingPathComponent("kiln.json")
        try Data(#"{"spec": "\#(spec)", "clientName": "EverythingClient", "access": "internal"}"#.utf8).write(to: config)
        let output = folder.appendingPathComponent("out")
        let result = run(["generate", "--config", config.path, "--output", output.path, "--quiet"])
        #expect(result.code == 0, "\(result.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files == ["Client.swift"] + (1...8).map { "Part\($0).swift" })
        let client = try String(contentsOf: output.appendingPathComponent("Client.swift"), encoding: .utf8)
        #expect(client.contains("struct EverythingClient: Sendable {") && !client.contains("public struct"))
    }

    @Test func configWithoutSpecIsALocatedError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kiln.json")
        try Data(#"{"clientName": "XClient"}"#.utf8).write(to: config)
        let result = run(["generate", "--config", config.path, "--output", folder.appendingPathComponent("out").path])
        #expect(result.code == 1)
        #expect(result.errors.hasPrefix("\(config.path):1:1: error: names no spec"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func unknownConfigKeyIsALocatedWarning() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = TestPaths.fixtures.appendingPathComponent("valid/everything.yaml").path
        let config = folder.appendingPathComponent("kiln.json")
        try Data("{\n  \"spec\": \"\(spec)\",\n  \"clientNmae\": \"XClient\"\n}\n".utf8).write(to: config)
        let result = run(["generate", "--config", config.path, "--output", folder.appendingPathComponent("out").path])
        #expect(result.code == 0, "a misspelt key is worth a warning, not a failed build")
        #expect(result.errors.hasPrefix("\(config.path):3:3: warning: unknown key 'clientNmae'"), "\(result.errors)")
    }

    @Test func badConfigValueIsAnErrorAtTheValue() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("kiln.json")
        try Data("{\"spec\": \"x.yaml\",\n \"access\": \"open\"}".utf8).write(to: config)
        let result = run(["generate", "--config", config.path, "--output", folder.appendingPathComponent("out").path])
        #expect(result.code == 1)
        #expect(result.errors == "\(config.path):2:12: error: 'access' must be public, package or internal, not 'open'\n")
    }

    @Test func unwritableOutputIsOneClearLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A file where the output folder should be: fails for every user, root included.
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        let spec = TestPaths.fixtures.appendingPathComponent("valid/everything.yaml").path
        let output = blocker.appendingPathComponent("out").path
        let result = run(["generate", spec, "--output", output, "--quiet"])
        #expect(result.code == 1)
        #expect(result.errors == "error: cannot write \(output): Not a directory\n")
    }

    @Test func specWithErrorsWritesNothingAndKeepsEarlierOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let good = TestPaths.fixtures.appendingPathComponent("valid/everything.yaml").path
        #expect(run(["generate", good, "--output", output.path, "--quiet"]).code == 0)
        let before = try Data(contentsOf: output.appendingPathComponent("Client.swift"))

        let broken = TestPaths.fixtures.appendingPathComponent("invalid/status-codes.yaml").path
        let result = run(["generate", broken, "--output", output.path])
        #expect(result.code == 1)
        #expect(result.errors.contains("status-codes.yaml:") && result.errors.contains(": error: "))
        #expect(try Data(contentsOf: output.appendingPathComponent("Client.swift")) == before, "nothing lost")
    }

    @Test func aHandWrittenFileInTheWayStopsGenerationUnlessForced() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = TestPaths.fixtures.appendingPathComponent("valid/everything.yaml").path
        let mine = folder.appendingPathComponent("Client.swift")
        try Data("struct Mine {}\n".utf8).write(to: mine)

        let refused = run(["generate", spec, "--output", folder.path, "--quiet"])
        #expect(refused.code == 1)
        #expect(refused.errors == """
            error: \(mine.path) exists and was not written by kiln (not in .kiln-generated, no 'Generated by Kiln' \
            header); nothing was generated. Move it away, or pass --force to overwrite

            """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Client.swift"])

        #expect(run(["generate", spec, "--output", folder.path, "--quiet", "--force"]).code == 0)
        #expect(try String(contentsOf: mine, encoding: .utf8).hasPrefix("// Generated by Kiln from everything.yaml."))
        #expect(run(["generate", spec, "--output", folder.path, "--quiet"]).code == 0, "now kiln's own, listed in its manifest")
    }

    @Test func cleanRemovesOnlyWhatKilnGenerated() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = TestPaths.fixtures.appendingPathComponent("valid/everything.yaml").path
        #expect(run(["generate", spec, "--output", folder.path, "--quiet"]).code == 0)
        try Data("notes".utf8).write(to: folder.appendingPathComponent("NOTES.md"))
        let edited = folder.appendingPathComponent("Part1.swift")
        try Data((try String(contentsOf: edited, encoding: .utf8) + "// mine\n").utf8).write(to: edited)

        let result = run(["clean", folder.path])
        #expect(result.code == 0)
        #expect(result.errors == "warning: kept \(edited.path): no longer generated, but edited since kiln wrote it\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["NOTES.md", "Part1.swift"])
    }
}
