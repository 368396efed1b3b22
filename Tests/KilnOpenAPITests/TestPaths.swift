import Foundation

/// Folders the tests read, found from this file's location so tests run from any working directory.
enum TestPaths {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let specs = packageRoot.appendingPathComponent("Specs")

    /// ../shared/corpus beside the clone, or KILN_CORPUS. Real-world documents nobody here wrote.
    static let corpus: URL = {
        if let override = ProcessInfo.processInfo.environment["KILN_CORPUS"] {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    static var corpusAvailable: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    /// CI sets CI=true; there, suites that need the corpus must fail without it rather than skip.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Every YAML and JSON document under `folder`, sorted, so parameterized tests are stable.
    static func documents(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted()
    }
}
