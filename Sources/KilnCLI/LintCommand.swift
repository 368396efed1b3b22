import KilnDiagnostics
import KilnOpenAPI

/// `kiln lint SPEC...`: prints the diagnostics of each spec; exits 1 when any has an error.
enum LintCommand {
    static let help = """
        OVERVIEW: Check OpenAPI 3.0/3.1 specs (YAML or JSON) without generating code.

        Every problem is printed as 'file:line:col: error|warning|note: message', the format Xcode and
        SwiftPM show inline. All problems of a spec are reported in one run, including those in files
        it references with $ref.

        USAGE: kiln lint <spec> [<spec> ...] [--strict] [--quiet]

        OPTIONS:
          --strict      Treat warnings as errors.
          --quiet       Print errors only, no warnings or notes.
          -h, --help    Show this help.

        EXIT STATUS: 0 when no spec has an error, 1 when one has, 64 for bad usage.

        """

    static func run(_ arguments: [String], output: CommandOutput, errors: CommandOutput) -> Int32 {
        var specs: [String] = []
        var quiet = false
        var strict = false
        for argument in arguments {
            switch argument {
            case "-h", "--help":
                output.write(help)
                return 0
            case "--quiet":
                quiet = true
            case "--strict":
                strict = true
            default:
                if argument.hasPrefix("-") && argument != "-" {
                    errors.write("error: unknown option '\(argument)'\n\n" + help)
                    return 64
                }
                specs.append(argument)
            }
        }
        guard !specs.isEmpty else {
            errors.write("error: no spec given\n\n" + help)
            return 64
        }
        var failed = false
        for spec in specs {
            let diagnostics = Strictness.apply(strict, to: SpecLoader.load(file: spec).diagnostics)
            for diagnostic in diagnostics where !quiet || diagnostic.severity == .error {
                errors.write("\(diagnostic)\n")
            }
            failed = failed || diagnostics.contains { $0.severity == .error }
        }
        return failed ? 1 : 0
    }
}
