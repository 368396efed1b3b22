import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-clients [--target <name> ...]`: runs
/// kiln for every target with a `kiln.json` into `Generated/<target>/` at the package root, the
/// committed copy of the generated code (for review in diffs and for consumers who cannot run plugins).
@main
struct KilnCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let selected = Set(extractor.extractOption(named: "target"))
        if let extra = extractor.unextractedOptionsOrFlags.first ?? extractor.remainingArguments.first {
            throw KilnPluginError(file: nil, "generate-clients: unexpected '\(extra)'; it takes only --target <name>")
        }
        let targets = context.package.targets.compactMap { $0 as? SwiftSourceModuleTarget }.filter { target in
            guard selected.isEmpty else { return selected.contains(target.name) }
            return KilnConfig.exists(for: target)
        }
        if let missing = selected.subtracting(targets.map(\.name)).first {
            throw KilnPluginError(file: nil, "generate-clients: the package has no Swift target '\(missing)'")
        }
        let kiln = try context.tool(named: "kiln").url
        var failed: [String] = []
        for target in targets {
            let config = try KilnConfig.load(for: target)
            let output = context.package.directoryURL.appendingPathComponent("Generated")
                .appendingPathComponent(target.name)
            // kiln prints its diagnostics (file:line:col: error:) and a summary line itself.
            let process = Process()
            process.executableURL = kiln
            process.arguments = config.generateArguments(output: output, quiet: false)
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { failed.append(target.name) }
        }
        if targets.isEmpty { Diagnostics.warning("generate-clients: no target has a \(KilnConfig.fileName)") }
        if !failed.isEmpty {
            throw KilnPluginError(file: nil, "generate-clients: kiln failed for \(failed.joined(separator: ", "))")
        }
    }
}
