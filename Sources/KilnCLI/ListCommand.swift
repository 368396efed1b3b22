import KilnDiagnostics
import KilnOpenAPI

/// `kiln list SPEC`: the tags, operations and schemas a `filter` can name, with counts, so a user can
/// pick the few operations an app needs from a spec they do not own.
enum ListCommand {
    static let help = """
        OVERVIEW: List what a kiln.json "filter" can name in a spec.

        Prints every tag with its number of operations, every operation (operationId, method and path, tags),
        and every component schema with the number of operations that reach it. Errors in the spec are
        printed first; the listing follows whenever the file is an OpenAPI document.

        USAGE: kiln list <spec>

        OPTIONS:
          -h, --help    Show this help.

        EXIT STATUS: 0 on success, 1 when the file is not an OpenAPI document, 64 for bad usage.

        """

    static func run(_ arguments: [String], output: CommandOutput, errors: CommandOutput) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            output.write(help)
            return 0
        }
        guard arguments.count == 1, let spec = arguments.first, !spec.hasPrefix("-") || spec == "-" else {
            errors.write("error: give one spec\n\n" + help)
            return 64
        }
        let result = SpecLoader.load(file: spec)
        for diagnostic in result.diagnostics where diagnostic.severity == .error {
            errors.write("\(diagnostic)\n")
        }
        guard let document = result.document else { return 1 }
        output.write(listing(document))
        return 0
    }

    static func listing(_ document: OpenAPIDocument) -> String {
        let catalog = OperationCatalog(document: document)
        let schemas = OperationCatalog.schemaUses(in: document)
        var lines = ["tags (\(catalog.tags.count)):"]
        lines += table(catalog.tags.map { [$0.name, count($0.count, "operation")] })
        lines.append("operations (\(catalog.operations.count)):")
        lines += table(
            catalog.operations.map { entry in
                [
                    entry.operationId ?? "-", entry.method.token,
                    (entry.isWebhook ? "webhook " : "") + entry.path,
                    entry.tags.isEmpty ? "" : "[" + entry.tags.joined(separator: ", ") + "]",
                ]
            })
        lines.append("schemas (\(schemas.count)):")
        lines += table(schemas.map { [$0.name, "used by " + count($0.operationCount, "operation")] })
        return lines.joined(separator: "\n") + "\n"
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// Rows indented by two spaces, columns padded to their widest cell; trailing spaces dropped.
    private static func table(_ rows: [[String]]) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (column, cell) in row.enumerated() {
                if column == widths.count { widths.append(0) }
                widths[column] = max(widths[column], cell.count)
            }
        }
        return rows.map { row in
            var line = " "
            for (column, cell) in row.enumerated() {
                line += " " + cell + String(repeating: " ", count: column == row.count - 1 ? 0 : widths[column] - cell.count)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
