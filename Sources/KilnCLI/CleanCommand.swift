import KilnGenerator

/// `kiln clean DIR`: removes what `kiln generate` wrote into DIR, and only that; the command plugin uses
/// it for the folder of a target that no longer exists.
enum CleanCommand {
    static let help = """
        OVERVIEW: Remove the files kiln generated into a folder.

        Removes the files the folder's .kiln-generated lists that are unchanged since kiln wrote them, then
        the manifest, and the folder when it is empty. Anything else (files kiln did not write, generated
        files edited since) is kept, with a warning.

        USAGE: kiln clean <dir> [--quiet]

        """

    static func run(_ arguments: [String], output: CommandOutput, errors: CommandOutput) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            output.write(help)
            return 0
        }
        let quiet = arguments.contains("--quiet")
        let rest = arguments.filter { $0 != "--quiet" }
        guard rest.count == 1, let directory = rest.first, !directory.hasPrefix("-") else {
            errors.write("error: kiln clean takes one folder\n\n" + help)
            return 64
        }
        do {
            let summary = try OutputWriter.clean(directory)
            if !quiet {
                for warning in summary.warnings { errors.write("warning: \(warning)\n") }
                output.write("kiln: removed \(summary.removed.count) generated files from \(directory)\n")
            }
            return 0
        } catch {
            errors.write("error: \(WriteFailure(error, fallbackPath: directory))\n")
            return 1
        }
    }
}
