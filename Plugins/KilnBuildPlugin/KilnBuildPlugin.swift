import Foundation
import PackagePlugin

/// Generates a target's client (or its contract tests) at build time from the spec its `kiln.json` names.
///
/// One build command with declared inputs (config, spec, every `$ref`'d file) and a fixed list of outputs,
/// so SwiftPM reruns kiln only when one of them changed. SwiftPM runs this plugin only when it plans a
/// build (after a manifest change or files added or removed in a target), so what it computes here (the
/// inputs, the outputs for the mode) is refreshed then; kiln.json's other values kiln reads itself.
@main
struct KilnBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        // `directoryURL` exists for any Target only from tools version 6.1.
        guard let target = target as? SwiftSourceModuleTarget else {
            Diagnostics.error("KilnBuildPlugin applies to Swift targets only; '\(target.name)' is not one")
            return []
        }
        let config: KilnConfig
        do {
            config = try KilnConfig.load(for: target)
        } catch let error as KilnPluginError {
            // An error diagnostic, not a thrown error: SwiftPM and Xcode show it as is and fail the build.
            Diagnostics.error(error.description, file: error.file?.path, line: nil)
            return []
        }
        // A hand-written file named like an output would clash with it in the module; say which to rename.
        let outputNames = Set(config.outputFileNames)
        if let clash = target.sourceFiles(withSuffix: "swift").first(where: { outputNames.contains($0.url.lastPathComponent) }) {
            Diagnostics.error(
                "\(clash.url.path): kiln generates a file of this name for '\(target.name)'; rename yours",
                file: clash.url.path, line: nil)
            return []
        }
        // kiln itself refuses to overwrite a file in its output folder that it did not write (no --force).
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
        return [
            .buildCommand(
                displayName: "Generating \(target.name) from \(config.spec.lastPathComponent) (kiln)",
                executable: try context.tool(named: "kiln").url,
                arguments: config.generateArguments(output: output, quiet: true),
                inputFiles: [config.file, config.spec] + SpecReferences.files(reachableFrom: config.spec),
                outputFiles: config.outputFileNames.map { output.appendingPathComponent($0) }
            )
        ]
    }
}
