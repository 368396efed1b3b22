import KilnDiagnostics

/// `--strict`: every warning is an error, so a spec a team owns stays clean (this project's Specs/ and CI).
enum Strictness {
    static func apply(_ strict: Bool, to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard strict else { return diagnostics }
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.severity == .warning { diagnostic.severity = .error }
            return diagnostic
        }
    }
}
