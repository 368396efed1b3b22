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
        let generated = context.package.directoryURL.appendingPathComponent("Generated")
        var failed: [String] = []
        var kept: [String: Set<String>] = [:]
        for target in targets {
            let config = try KilnConfig.load(for: target)
            let output = generated.appendingPathComponent(target.name)
            kept[target.name] = Set(config.outputFileNames + [".kiln-generated"])
            // kiln prints its diagnostics (file:line:col: error:) and a summary line itself.
            let process = Process()
            process.executableURL = kiln
            process.arguments = config.generateArguments(output: output, quiet: false)
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { failed.append(target.name) }
        }
        if targets.isEmpty { Diagnostics.warning("generate-clients: no target has a \(KilnConfig.fileName)") }
        // Only a full refresh knows every target, so only it may remove another target's folder.
        if failed.isEmpty, !targets.isEmpty { prune(generated, keeping: kept, removeOtherFolders: selected.isEmpty) }
        if !failed.isEmpty {
            throw KilnPluginError(file: nil, "generate-clients: kiln failed for \(failed.joined(separator: ", "))")
        }
    }

    /// A folder kiln wrote (it holds kiln's manifest) is kiln's alone: a file no target generates there
    /// (hand-added, or left by an older layout) and the folder of a target that no longer exists are
    /// removed, so the committed copy is exactly what the generator produces and CI's freshness check sees
    /// the difference. Anything else in Generated/ (a README, another tool's folder) is left alone.
    private func prune(_ generated: URL, keeping kept: [String: Set<String>], removeOtherFolders: Bool) {
        let manager = FileManager.default
        for folder in (try? manager.contentsOfDirectory(atPath: generated.path)) ?? [] {
            let url = generated.appendingPathComponent(folder)
            guard manager.fileExists(atPath: url.appendingPathComponent(".kiln-generated").path) else { continue }
            guard let names = kept[folder] else {
                if removeOtherFolders {
                    try? manager.removeItem(at: url)
                    print("generate-clients: removed Generated/\(folder) (no target '\(folder)' has a \(KilnConfig.fileName))")
                }
                continue
            }
            for file in (try? manager.contentsOfDirectory(atPath: url.path)) ?? [] where !names.contains(file) {
                try? manager.removeItem(at: url.appendingPathComponent(file))
                print("generate-clients: removed Generated/\(folder)/\(file), which kiln does not generate")
            }
        }
    }
}
