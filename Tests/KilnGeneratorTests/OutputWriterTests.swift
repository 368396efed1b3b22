import Foundation
@testable import KilnGenerator
import Testing

@Suite struct OutputWriterTests {
    private let manager = FileManager.default

    private func temporaryFolder() -> URL {
        manager.temporaryDirectory.appendingPathComponent("kiln-output-\(UUID().uuidString)")
    }

    private func generated(_ name: String, _ body: String) -> Generator.GeneratedFile {
        .init(name: name, contents: "// \(Generator.headerMark) from test.yaml.\n\(body)\n")
    }

    private func modificationDate(_ url: URL) throws -> Date? {
        try manager.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }

    @Test func writesOnlyFilesWhoseBytesChanged() throws {
        let folder = temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        let files = [generated("A.swift", "a"), generated("B.swift", "b")]
        let first = try OutputWriter.write(files, to: folder.path)
        #expect(first.written == ["A.swift", "B.swift"])
        // A date long past: a rewrite, even within the same millisecond, would replace it with now.
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        let a = folder.appendingPathComponent("A.swift")
        try manager.setAttributes([.modificationDate: past], ofItemAtPath: a.path)
        #expect(try modificationDate(a) == past)

        let second = try OutputWriter.write([files[0], generated("B.swift", "b2")], to: folder.path)
        #expect(second.unchanged == ["A.swift"])
        #expect(second.written == ["B.swift"])
        #expect(try modificationDate(a) == past, "an unchanged file keeps its timestamp, so dependent builds stay incremental")
        #expect(try String(contentsOf: folder.appendingPathComponent("B.swift"), encoding: .utf8) == generated("B.swift", "b2").contents)
    }

    @Test func removesFilesAnEarlierRunGeneratedButKeepsOthers() throws {
        let folder = temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        _ = try OutputWriter.write([generated("Old.swift", "old"), generated("Kept.swift", "k")], to: folder.path)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("Handwritten.swift"))
        let summary = try OutputWriter.write([generated("Kept.swift", "k")], to: folder.path)
        #expect(summary.removed == ["Old.swift"])
        #expect(summary.warnings == [])
        #expect(!manager.fileExists(atPath: folder.appendingPathComponent("Old.swift").path))
        #expect(manager.fileExists(atPath: folder.appendingPathComponent("Handwritten.swift").path))
    }

    @Test func refusesToOverwriteAFileItDidNotWriteUnlessForced() throws {
        let folder = temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        let mine = folder.appendingPathComponent("Client.swift")
        try Data("struct Mine {}\n".utf8).write(to: mine)
        let files = [generated("Client.swift", "client"), generated("Models1.swift", "models")]

        let error = #expect(throws: OutputWriter.Conflict.self) { try OutputWriter.write(files, to: folder.path) }
        #expect(error?.paths == [mine.path])
        #expect(try String(contentsOf: mine, encoding: .utf8) == "struct Mine {}\n")
        #expect(!manager.fileExists(atPath: folder.appendingPathComponent("Models1.swift").path), "nothing is written")
        #expect(!manager.fileExists(atPath: folder.appendingPathComponent(GeneratedManifest.fileName).path))

        let forced = try OutputWriter.write(files, to: folder.path, force: true)
        #expect(forced.written == ["Client.swift", "Models1.swift"])
        #expect(try String(contentsOf: mine, encoding: .utf8) == files[0].contents)
    }

    @Test func replacesAFileWithKilnsHeaderThatNoManifestLists() throws {
        let folder = temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        // E.g. Generated/ checked out without its manifest: still Kiln's own file.
        try Data(generated("Client.swift", "old").contents.utf8).write(to: folder.appendingPathComponent("Client.swift"))
        #expect(try OutputWriter.write([generated("Client.swift", "new")], to: folder.path).written == ["Client.swift"])
    }

    @Test func removesOnlyPlainUneditedFilesTheManifestLists() throws {
        let root = temporaryFolder()
        defer { try? manager.removeItem(at: root) }
        let folder = root.appendingPathComponent("out")
        let outside = root.appendingPathComponent("x")
        let target = root.appendingPathComponent("Target.swift")
        let kilnFile = generated("Edited.swift", "e").contents
        _ = try OutputWriter.write([generated("Edited.swift", "e"), generated("Stale.swift", "s")], to: folder.path)
        try Data((kilnFile + "// my change\n").utf8).write(to: folder.appendingPathComponent("Edited.swift"))
        for url in [outside, target] { try Data(kilnFile.utf8).write(to: url) }
        try manager.createSymbolicLink(at: folder.appendingPathComponent("Link.swift"), withDestinationURL: target)
        // A manifest tampered with (or hand-written) names files outside the folder and a symlink.
        let manifest = folder.appendingPathComponent(GeneratedManifest.fileName)
        let listed = try String(contentsOf: manifest, encoding: .utf8)
        try Data((listed + "../x\n\(outside.path)\nLink.swift\n..\n").utf8).write(to: manifest)

        let summary = try OutputWriter.write([], to: folder.path)
        #expect(summary.removed == ["Stale.swift"])
        #expect(summary.warnings.sorted() == [
            "ignored '..' in .kiln-generated: not a file of this folder",
            "ignored '../x' in .kiln-generated: not a file of this folder",
            "ignored '\(outside.path)' in .kiln-generated: not a file of this folder",
            "kept \(folder.appendingPathComponent("Edited.swift").path): no longer generated, but edited since kiln wrote it",
            "kept \(folder.appendingPathComponent("Link.swift").path): a symlink, which kiln never writes",
        ].sorted())
        for url in [outside, target, folder.appendingPathComponent("Edited.swift"), folder.appendingPathComponent("Link.swift")] {
            #expect(manager.fileExists(atPath: url.path), "\(url.path) is kept")
        }
        #expect(manager.fileExists(atPath: root.path))
        #expect(try String(contentsOf: manifest, encoding: .utf8) == "\n", "the new manifest lists only this run's files")
    }

    @Test func anOlderManifestWithoutHashesRemovesOnlyFilesWithTheHeader() throws {
        let folder = temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(generated("Stale.swift", "s").contents.utf8).write(to: folder.appendingPathComponent("Stale.swift"))
        try Data("struct Mine {}\n".utf8).write(to: folder.appendingPathComponent("Mine.swift"))
        try Data("Stale.swift\nMine.swift\n".utf8).write(to: folder.appendingPathComponent(GeneratedManifest.fileName))
        let summary = try OutputWriter.write([], to: folder.path)
        #expect(summary.removed == ["Stale.swift"])
        #expect(summary.warnings == ["kept \(folder.appendingPathComponent("Mine.swift").path): no longer generated, but edited since kiln wrote it"])
    }

    @Test func cleanRemovesKilnsFilesAndTheFolderOnlyWhenNothingElseIsLeft() throws {
        let folder = temporaryFolder()
        defer { try? manager.removeItem(at: folder) }
        _ = try OutputWriter.write([generated("A.swift", "a")], to: folder.path)
        try Data("notes".utf8).write(to: folder.appendingPathComponent("NOTES.md"))
        #expect(try OutputWriter.clean(folder.path).removed == ["A.swift"])
        #expect(try manager.contentsOfDirectory(atPath: folder.path) == ["NOTES.md"])

        try manager.removeItem(at: folder.appendingPathComponent("NOTES.md"))
        _ = try OutputWriter.write([generated("A.swift", "a")], to: folder.path)
        _ = try OutputWriter.clean(folder.path)
        #expect(!manager.fileExists(atPath: folder.path))
    }
}
