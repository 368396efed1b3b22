#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes generated files into a folder, touching only files whose bytes changed (so builds that
/// depend on them stay incremental) and removing files a previous run wrote that are no longer
/// generated (so a renamed type leaves nothing stale behind).
public enum OutputWriter {
    public struct Summary: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// The manifest listing what Kiln wrote, so stale files can be told apart from the user's own.
    static let manifestName = ".kiln-generated"

    public static func write(_ files: [Generator.GeneratedFile], to directory: URL) throws -> Summary {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        var summary = Summary()
        for file in files {
            let url = directory.appendingPathComponent(file.name)
            let data = Data(file.contents.utf8)
            if manager.contents(atPath: url.path) == data {
                summary.unchanged.append(file.name)
            } else {
                try data.write(to: url, options: .atomic)
                summary.written.append(file.name)
            }
        }
        let manifest = directory.appendingPathComponent(manifestName)
        let previous = (try? String(contentsOf: manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        let current = Set(files.map(\.name))
        for name in previous where !current.contains(name) && !name.contains("/") {
            let url = directory.appendingPathComponent(name)
            if manager.fileExists(atPath: url.path) {
                try manager.removeItem(at: url)
                summary.removed.append(name)
            }
        }
        let listing = files.map(\.name).sorted().joined(separator: "\n") + "\n"
        if manager.contents(atPath: manifest.path) != Data(listing.utf8) {
            try Data(listing.utf8).write(to: manifest, options: .atomic)
        }
        return summary
    }
}
