/// The `kiln` command line: `kiln lint`, `kiln generate`, `kiln list`. Argument handling is hand-written so the
/// tool every plugin user builds has no dependencies.
public enum Kiln {
    public static let version = "0.1.0"

    static let usage = """
        OVERVIEW: Kiln turns OpenAPI 3.0/3.1 specs into Swift clients.

        USAGE: kiln <command> [options]

        COMMANDS:
          lint        Check specs and print every problem as file:line:col: severity: message
          generate    Generate a Swift client and models from a spec
          clean       Remove the files kiln generated into a folder
          list        Print a spec's tags, operations and schemas, to write a kiln.json "filter"

        Run 'kiln <command> --help' for a command's options.

        """

    /// Runs the command line and returns the process exit code.
    public static func run(_ arguments: [String], output: CommandOutput, errors: CommandOutput) -> Int32 {
        guard let command = arguments.first else {
            errors.write(usage)
            return 64
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "lint":
            return LintCommand.run(rest, output: output, errors: errors)
        case "generate":
            return GenerateCommand.run(rest, output: output, errors: errors)
        case "clean":
            return CleanCommand.run(rest, output: output, errors: errors)
        case "list":
            return ListCommand.run(rest, output: output, errors: errors)
        case "--help", "-h", "help":
            output.write(usage)
            return 0
        case "--version":
            output.write("kiln \(version)\n")
            return 0
        default:
            errors.write("error: unknown command '\(command)'\n\n" + usage)
            return 64
        }
    }
}
