import KilnFileSystem
import KilnText

/// Writes generated files into a folder, touching only files whose bytes changed (so builds that
/// depend on them stay incremental) and removing files a previous run wrote that are no longer
/// generated (so a renamed type leaves nothing stale behind). A file Kiln did not write is never
/// replaced or removed: the folder may be a user's own source folder.
public enum OutputWriter {
    public struct Summary: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
        /// Why a file the manifest lists was kept (edited since, a symlink) or an entry ignored.
        public var warnings: [String] = []
    }

    /// Files in the way that Kiln did not write; nothing was written.
    public struct Conflict: Error, CustomStringConvertible {
        public var paths: [String]

        public var description: String {
            let list = paths.joined(separator: ", ")
            let verb = paths.count == 1 ? "exists and was" : "exist and were"
            return "\(list) \(verb) not written by kiln (not in \(GeneratedManifest.fileName), no '\(Generator.headerMark)' "
                + "header); nothing was generated. Move \(paths.count == 1 ? "it" : "them") away, or pass --force to overwrite"
        }
    }

    /// Writes `files` into the folder at `directory`; with `force`, also over files Kiln did not write.
    public static func write(_ files: [Generator.GeneratedFile], to directory: String, force: Bool = false) throws -> Summary {
        let previous = GeneratedManifest(in: directory)
        if !force {
            let foreign = files.map(\.name).filter { !isKilns(FilePaths.join(directory, $0), listed: previous.entries.keys.contains($0)) }
            if !foreign.isEmpty { throw Conflict(paths: foreign.map { FilePaths.join(directory, $0) }) }
        }
        try FileSystem.createDirectory(directory)
        var summary = Summary()
        for file in files {
            let path = FilePaths.join(directory, file.name)
            let bytes = Array(file.contents.utf8)
            if !isSymlink(path), (try? FileSystem.contents(of: path)) == bytes {
                summary.unchanged.append(file.name)
            } else {
                // Atomic: a symlink in the way (only with --force) is replaced, its target left alone.
                try FileSystem.writeAtomically(bytes, to: path)
                summary.written.append(file.name)
            }
        }
        removeStale(previous, keeping: Set(files.map(\.name)), in: directory, into: &summary)
        let manifest = FilePaths.join(directory, GeneratedManifest.fileName)
        let listing = Array(GeneratedManifest(files: files).text.utf8)
        if (try? FileSystem.contents(of: manifest)) != listing {
            try FileSystem.writeAtomically(listing, to: manifest)
        }
        return summary
    }

    /// Removes what Kiln generated into `directory` (what the manifest lists, unless edited since), then the
    /// manifest and, when nothing else is left, the folder: for the output of a target that no longer exists.
    public static func clean(_ directory: String) throws(FileSystemError) -> Summary {
        var summary = Summary()
        removeStale(GeneratedManifest(in: directory), keeping: [], in: directory, into: &summary)
        let manifest = FilePaths.join(directory, GeneratedManifest.fileName)
        if FileSystem.kind(of: manifest, followingLinks: false) != nil { try FileSystem.remove(manifest) }
        if (try? FileSystem.contentsOfDirectory(directory))?.isEmpty == true {
            try FileSystem.remove(directory)
        }
        return summary
    }

    /// Removes what the previous manifest lists and this run no longer generates, only where the file is
    /// still exactly what Kiln wrote; anything else is kept with a warning.
    static func removeStale(_ previous: GeneratedManifest, keeping current: Set<String>, in directory: String, into summary: inout Summary) {
        for (name, hash) in previous.entries.sorted(by: { $0.key < $1.key }) where !current.contains(name) {
            guard GeneratedManifest.isPlainFileName(name) else {
                summary.warnings.append("ignored '\(name)' in \(GeneratedManifest.fileName): not a file of this folder")
                continue
            }
            let path = FilePaths.join(directory, name)
            if isSymlink(path) {
                summary.warnings.append("kept \(path): a symlink, which kiln never writes")
                continue
            }
            guard let data = try? FileSystem.contents(of: path) else { continue }
            let untouched = hash.map { $0 == GeneratedManifest.hash(data) } ?? hasHeader(data)
            guard untouched else {
                summary.warnings.append("kept \(path): no longer generated, but edited since kiln wrote it")
                continue
            }
            do {
                try FileSystem.remove(path)
                summary.removed.append(name)
            } catch {
                summary.warnings.append("could not remove \(path), which kiln no longer generates")
            }
        }
    }

    /// Whether Kiln may replace the file at `path`: absent, listed in the manifest, or carrying Kiln's header.
    private static func isKilns(_ path: String, listed: Bool) -> Bool {
        if isSymlink(path) { return false }
        guard let data = try? FileSystem.contents(of: path) else { return !FileSystem.exists(path) }
        return listed || hasHeader(data)
    }

    private static func hasHeader(_ data: [UInt8]) -> Bool {
        data.starts(with: "// \(Generator.headerMark)".utf8)
    }

    private static func isSymlink(_ path: String) -> Bool {
        FileSystem.kind(of: path, followingLinks: false) == .symbolicLink
    }
}
