#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import KilnDiagnostics
import KilnGenerator
import KilnOpenAPI

/// `kiln generate SPEC --output DIR`: loads and checks the spec, then writes the client and models.
enum GenerateCommand {
    static let help = """
        OVERVIEW: Generate a Swift client and its models from an OpenAPI 3.0/3.1 spec.

        The spec is checked first, exactly as 'kiln lint' does; with any error nothing is written and
        every problem is printed as 'file:line:col: error: message'. Files are written only when their
        bytes change, and files an earlier run generated that are no longer produced are removed.

        USAGE: kiln generate <spec> --output <dir> [options]
               kiln generate --config <kiln.json> --output <dir> [options]

        OPTIONS:
          -o, --output <dir>       Folder to write the Swift files into (created if missing).
          --config <file>          A kiln.json: {"spec": "../../Specs/x.yaml", "clientName": "XClient",
                                   "access": "public", "mode": "client", "clientModule": "X"}; the spec path
                                   is relative to the file. Options given here override it.
          --client-name <name>     Name of the client type (default: from the spec's title, e.g. IServClient,
                                   or the spec's x-kiln-client-name).
          --access <level>         Access level of generated declarations: public (default), package, internal.
          --mode <mode>            client (default): Client.swift, Operations1-4.swift, Models1-4.swift and
                                   Mock.swift. tests: ContractTests.swift, Swift Testing tests that call the
                                   client against a loopback server answering with the spec's examples.
          --client-module <name>   With --mode tests: the module of the client library to import.
          --runtime-module <name>  Module that provides the runtime (default: KilnRuntime).
          --filter-tag <tag>       Generate only the operations with this tag (repeatable; adds to kiln.json's
                                   "filter"); the components they reach are generated with them.
          --filter-operation <id>  Generate only the operation with this operationId (repeatable).
          --filter-path <path>     Generate only the operations of this path template (repeatable); a path
                                   ending in /** also keeps every path below it: /users/**.
          --filter-schema <name>   Also generate this component schema and what it reaches (repeatable).
          --additional-import <m>  Import module m in every generated file (repeatable).
          --strict                 Treat warnings as errors (also "strict": true in kiln.json).
          --quiet                  Print errors only.
          -h, --help               Show this help.

        EXIT STATUS: 0 on success, 1 when the spec has errors or writing fails, 64 for bad usage.

        """

    static func run(_ arguments: [String], output: CommandOutput, errors: CommandOutput) -> Int32 {
        var spec: String?
        var outputDirectory: String?
        var configPath: String?
        // Flags given on the command line, applied after the config file so they win.
        var flags: [(inout GeneratorConfiguration) -> Void] = []
        var quiet = false
        var strict = false
        var filter = DocumentFilter()
        var index = 0
        func value(for option: String) -> String? {
            index += 1
            guard index < arguments.count else {
                errors.write("error: \(option) needs a value\n")
                return nil
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-h", "--help":
                output.write(help)
                return 0
            case "-o", "--output":
                guard let path = value(for: argument) else { return 64 }
                outputDirectory = path
            case "--config":
                guard let path = value(for: argument) else { return 64 }
                configPath = path
            case "--client-name":
                guard let name = value(for: argument) else { return 64 }
                flags.append { $0.clientName = name }
            case "--access":
                guard let text = value(for: argument) else { return 64 }
                guard let level = AccessLevel(rawValue: text) else {
                    errors.write("error: --access must be public, package or internal, not '\(text)'\n")
                    return 64
                }
                flags.append { $0.access = level }
            case "--mode":
                guard let text = value(for: argument) else { return 64 }
                guard let mode = GeneratorConfiguration.Mode(rawValue: text) else {
                    errors.write("error: --mode must be client or tests, not '\(text)'\n")
                    return 64
                }
                flags.append { $0.mode = mode }
            case "--client-module":
                guard let name = value(for: argument) else { return 64 }
                flags.append { $0.clientModule = name }
            case "--runtime-module":
                guard let name = value(for: argument) else { return 64 }
                flags.append { $0.runtimeModule = name }
            case "--filter-tag", "--filter-operation", "--filter-path", "--filter-schema":
                guard let text = value(for: argument) else { return 64 }
                let entry = LocatedText.argument(text, index: index)
                switch argument {
                case "--filter-tag": filter.tags.append(entry)
                case "--filter-operation": filter.operationIds.append(entry)
                case "--filter-path": filter.paths.append(entry)
                default: filter.schemas.append(entry)
                }
            case "--additional-import":
                guard let module = value(for: argument) else { return 64 }
                flags.append { $0.additionalImports.append(module) }
            case "--quiet":
                quiet = true
            case "--strict":
                strict = true
            default:
                if argument.hasPrefix("-") {
                    errors.write("error: unknown option '\(argument)'\n\n" + help)
                    return 64
                }
                guard spec == nil else {
                    errors.write("error: one spec at a time; got '\(spec!)' and '\(argument)'\n")
                    return 64
                }
                spec = argument
            }
            index += 1
        }
        /// Prints what `quiet` lets through; false when any is an error (after `strict`, unless not `strictly`).
        func report(_ diagnostics: [Diagnostic], strictly: Bool = true) -> Bool {
            let diagnostics = Strictness.apply(strict && strictly, to: diagnostics)
            for diagnostic in diagnostics where !quiet || diagnostic.severity == .error {
                errors.write("\(diagnostic)\n")
            }
            return !diagnostics.contains { $0.severity == .error }
        }
        var configuration = GeneratorConfiguration()
        var customization = SpecCustomization()
        if let configPath {
            let diagnostics = DiagnosticCollector()
            if let config = KilnConfigFile.load(configPath, diagnostics: diagnostics) {
                config.apply(to: &configuration)
                customization = config.customization
                strict = strict || config.strict == true
                spec = spec ?? config.specPath
                if spec == nil {
                    // The build plugin passes only --config, so this is what a build log shows.
                    diagnostics.error("names no spec; add \"spec\": \"<path>\"", at: .start(of: configPath))
                }
            }
            // The config's own problems are reported as before `strict` is known from it.
            if !report(diagnostics.sorted, strictly: false) { return 1 }
        }
        customization.filter.tags += filter.tags
        customization.filter.operationIds += filter.operationIds
        customization.filter.paths += filter.paths
        customization.filter.schemas += filter.schemas
        for flag in flags { flag(&configuration) }
        guard let spec, let outputDirectory else {
            errors.write("error: \(spec == nil ? "no spec given" : "--output is required")\n\n" + help)
            return 64
        }
        let result = SpecLoader.load(file: spec)
        guard report(result.diagnostics), let loaded = result.document else { return 1 }
        let customizing = DiagnosticCollector()
        let customized = customization.apply(to: loaded, diagnostics: customizing)
        guard report(customizing.sorted) else { return 1 }
        configuration.typeOverrides = customized.typeOverrides
        let generation = DiagnosticCollector()
        let files = Generator.generate(customized.document, configuration: configuration, diagnostics: generation)
        guard report(generation.sorted) else { return 1 }
        do {
            let summary = try OutputWriter.write(files, to: URL(fileURLWithPath: outputDirectory))
            if !quiet {
                output.write(
                    "kiln: \(files.count) files in \(outputDirectory) (\(summary.written.count) written, "
                        + "\(summary.unchanged.count) unchanged, \(summary.removed.count) removed)\n")
            }
            return 0
        } catch {
            errors.write("error: \(WriteFailure(error, fallbackPath: outputDirectory))\n")
            return 1
        }
    }
}
