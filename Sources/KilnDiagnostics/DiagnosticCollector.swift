/// Collects every problem of one run, so a user sees all of them at once instead of fixing them one by one.
/// Each pipeline stage receives the collector explicitly; there is no global reporter.
public final class DiagnosticCollector {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public func error(_ message: String, at location: SourceLocation) {
        report(Diagnostic(.error, message, at: location))
    }

    public func warning(_ message: String, at location: SourceLocation) {
        report(Diagnostic(.warning, message, at: location))
    }

    public func note(_ message: String, at location: SourceLocation) {
        report(Diagnostic(.note, message, at: location))
    }

    /// Diagnostics in file order, duplicates removed; the order a user reads a build log in.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics
            .enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
            .filter { seen.insert($0).inserted }
    }
}
