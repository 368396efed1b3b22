#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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

    /// Writes `files`; with `force`, also over files Kiln did not write.
    public static func write(_ files: [Generator.GeneratedFile], to directory: URL, force: Bool = false) throws -> Summary {
        let manager = FileManager.default
        let previous = GeneratedManifest(in: directory)
        if !force {
            let foreign = files.map { directory.appendingPathComponent($0.name) }.filter {
                !isKilns($0, listed: previous.entries.keys.contains($0.lastPathComponent))
            }
            if !foreign.isEmpty { throw Conflict(paths: foreign.map(\.path)) }
        }
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        var summary = Summary()
        for file in files {
            let url = directory.appendingPathComponent(file.name)
            let data = Data(file.contents.utf8)
            if !isSymlink(url), manager.contents(atPath: url.path) == data {
                summary.unchanged.append(file.name)
            } else {
                // Atomic: a symlink in the way (only with --force) is replaced, its target left alone.
                try data.write(to: url, options: .atomic)
                summary.written.append(file.name)
            }
        }
        removeStale(previous, keeping: Set(files.map(\.name)), in: directory, into: &summary)
        let manifest = directory.appendingPathComponent(GeneratedManifest.fileName)
        let listing = Data(GeneratedManifest(files: files).text.utf8)
        if manager.contents(atPath: manifest.path) != listing {
            try listing.write(to: manifest, options: .atomic)
        }
        return summary
    }

    /// Removes what Kiln generated into `directory` (what the manifest lists, unless edited since), then the
    /// manifest and, when nothing else is left, the folder: for the output of a target that no longer exists.
    public static func clean(_ directory: URL) throws -> Summary {
        var summary = Summary()
        removeStale(GeneratedManifest(in: directory), keeping: [], in: directory, into: &summary)
        let manager = FileManager.default
        let manifest = directory.appendingPathComponent(GeneratedManifest.fileName)
        if manager.fileExists(atPath: manifest.path) { try manager.removeItem(at: manifest) }
        if (try? manager.contentsOfDirectory(atPath: directory.path))?.isEmpty == true {
            try manager.removeItem(at: directory)
        }
        return summary
    }

    /// Removes what the previous manifest lists and this run no longer generates, only where the file is
    /// still exactly what Kiln wrote; anything else is kept with a warning.
    static func removeStale(_ previous: GeneratedManifest, keeping current: Set<String>, in directory: URL, into summary: inout Summary) {
        for (name, hash) in previous.entries.sorted(by: { $0.key < $1.key }) where !current.contains(name) {
            guard GeneratedManifest.isPlainFileName(name) else {
                summary.warnings.append("ignored '\(name)' in \(GeneratedManifest.fileName): not a file of this folder")
                continue
            }
            let url = directory.appendingPathComponent(name)
            if isSymlink(url) {
                summary.warnings.append("kept \(url.path): a symlink, which kiln never writes")
                continue
            }
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let untouched = hash.map { $0 == GeneratedManifest.hash(data) } ?? hasHeader(data)
            guard untouched else {
                summary.warnings.append("kept \(url.path): no longer generated, but edited since kiln wrote it")
                continue
            }
            do {
                try FileManager.default.removeItem(at: url)
                summary.removed.append(name)
            } catch {
                summary.warnings.append("could not remove \(url.path), which kiln no longer generates")
            }
        }
    }

    /// Whether Kiln may replace the file at `url`: absent, listed in the manifest, or carrying Kiln's header.
    private static func isKilns(_ url: URL, listed: Bool) -> Bool {
        if isSymlink(url) { return false }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return !FileManager.default.fileExists(atPath: url.path)
        }
        return listed || hasHeader(data)
    }

    private static func hasHeader(_ data: Data) -> Bool {
        data.starts(with: Data("// \(Generator.headerMark)".utf8))
    }

    private static func isSymlink(_ url: URL) -> Bool {
        // attributesOfItem does not follow a symlink, so it reports the link itself.
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }
}
