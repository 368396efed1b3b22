import Foundation
import KilnFileSystem
import Testing

/// The POSIX calls that replace FileManager in `kiln`: each checked against what Foundation sees.
@Suite struct FileSystemTests {
    private func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-fs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func writesAtomicallyAndReadsBack() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/A.swift"
        let bytes = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try FileSystem.writeAtomically(bytes, to: path)
        #expect(try FileSystem.contents(of: path) == bytes)
        #expect(FileManager.default.contents(atPath: path) == Data(bytes))
        try FileSystem.writeAtomically(Array("short".utf8), to: path)
        #expect(try FileSystem.contents(of: path) == Array("short".utf8))
        // No temporary file is left beside it.
        #expect(try FileSystem.contentsOfDirectory(folder) == ["A.swift"])
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let mask = umask(0)
        umask(mask)
        #expect(permissions == 0o666 & ~Int(mask))
    }

    @Test func replacesASymlinkAndLeavesItsTarget() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileSystem.writeAtomically(Array("target".utf8), to: folder + "/target")
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/target")
        #expect(FileSystem.kind(of: folder + "/link", followingLinks: false) == .symbolicLink)
        #expect(FileSystem.kind(of: folder + "/link") == .file)
        try FileSystem.writeAtomically(Array("new".utf8), to: folder + "/link")
        #expect(FileSystem.kind(of: folder + "/link", followingLinks: false) == .file)
        #expect(try FileSystem.contents(of: folder + "/target") == Array("target".utf8))
    }

    @Test func createsNestedFoldersAndRemovesThem() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let nested = folder + "/a/b/c"
        try FileSystem.createDirectory(nested)
        try FileSystem.createDirectory(nested)
        #expect(FileSystem.kind(of: nested) == .directory)
        #expect(try FileSystem.contentsOfDirectory(folder + "/a") == ["b"])
        try FileSystem.remove(nested)
        #expect(!FileSystem.exists(nested))
        // A folder with something in it is not removed.
        #expect(throws: FileSystemError.self) { try FileSystem.remove(folder + "/a") }
        #expect(FileSystem.exists(folder + "/a/b"))
    }

    @Test func aFileWhereAFolderShouldBeIsNotADirectory() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileSystem.writeAtomically([], to: folder + "/file")
        let error = #expect(throws: FileSystemError.self) { try FileSystem.createDirectory(folder + "/file/out") }
        #expect(error?.path == folder + "/file/out")
        #expect(error?.reason == "Not a directory")
    }

    @Test func readingWhatIsNotThereSaysSo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = #expect(throws: FileSystemError.self) { try FileSystem.contents(of: folder + "/missing") }
        #expect(error?.code == ENOENT)
        #expect(error?.description == folder + "/missing: No such file or directory")
        #expect(FileSystem.kind(of: folder + "/missing") == nil)
        #expect(throws: FileSystemError.self) { try FileSystem.contents(of: folder) }
        #expect(FileSystem.kind(of: "/dev/null") == .other)
        #expect(FileSystem.currentDirectory == FileManager.default.currentDirectoryPath)
    }
}
