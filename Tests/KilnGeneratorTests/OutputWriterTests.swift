import Foundation
@testable import KilnGenerator
import Testing

@Suite struct OutputWriterTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kiln-output-\(UUID().uuidString)")
    }

    @Test func writesOnlyFilesWhoseBytesChanged() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [Generator.GeneratedFile(name: "A.swift", contents: "a"), .init(name: "B.swift", contents: "b")]
        let first = try OutputWriter.write(files, to: folder)
        #expect(first.written == ["A.swift", "B.swift"])
        let stamp = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("A.swift").path)[.modificationDate] as? Date

        let second = try OutputWriter.write([files[0], .init(name: "B.swift", contents: "b2")], to: folder)
        #expect(second.unchanged == ["A.swift"])
        #expect(second.written == ["B.swift"])
        let after = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("A.swift").path)[.modificationDate] as? Date
        #expect(stamp == after, "an unchanged file keeps its timestamp, so dependent builds stay incremental")
        #expect(try String(contentsOf: folder.appendingPathComponent("B.swift"), encoding: .utf8) == "b2")
    }

    @Test func removesFilesAnEarlierRunGeneratedButKeepsOthers() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try OutputWriter.write([.init(name: "Old.swift", contents: "old"), .init(name: "Kept.swift", contents: "k")], to: folder)
        try Data("mine".utf8).write(to: folder.appendingPathComponent("Handwritten.swift"))
        let summary = try OutputWriter.write([.init(name: "Kept.swift", contents: "k")], to: folder)
        #expect(summary.removed == ["Old.swift"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Old.swift").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Handwritten.swift").path))
    }
}
