import Foundation
import PackagePlugin

// Shared by both plugins through a symlink in each plugin folder: plugins cannot depend on library targets.

/// A target's `kiln.json`: `{"spec": "../../Specs/iserv.yaml", "clientName": "IServClient",
/// "access": "public", "mode": "client"}`. `spec` is relative to the config file; mode "tests" also
/// needs `clientModule`, the library the generated tests import. `strict`, `filter`, `nameOverrides`,
/// `typeOverrides` and `additionalImports` are kiln's to check.
///
/// kiln reads the file itself (`--config`): SwiftPM runs plugins only when it plans a build, so values
/// baked into arguments here would go stale when kiln.json is edited; the file is an input instead.
/// The plugins read it too, to find the spec and outputs and to report mistakes early.
struct KilnConfig {
    static let fileName = "kiln.json"

    let file: URL
    let spec: URL
    let mode: String

    /// The files `kiln generate` writes, whatever the spec, so a build plugin can declare them up front.
    var outputFileNames: [String] {
        switch mode {
        case "tests": return ["ContractTests.swift", "RoundTripTests.swift"]
        case "server": return ["Server.swift"]
        case "mocks": return ["Mock.swift"]
        default:
            return ["Client.swift"] + (1...8).map { "Part\($0).swift" }
        }
    }

    static func exists(for target: SwiftSourceModuleTarget) -> Bool {
        FileManager.default.fileExists(atPath: target.directoryURL.appendingPathComponent(fileName).path)
    }

    /// Reads and checks the target's config; every failure names the file and what to fix.
    static func load(for target: SwiftSourceModuleTarget) throws -> KilnConfig {
        let directory = target.directoryURL
        let file = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw KilnPluginError(
                file: nil,
                "\(directory.path): target '\(target.name)' has no \(fileName); add one naming its spec, e.g. "
                    + #"{"spec": "../../Specs/api.yaml", "clientName": "APIClient"}"#)
        }
        func fail(_ message: String) -> KilnPluginError { KilnPluginError(file: file, "\(file.path): \(message)") }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        } catch {
            // Foundation keeps the useful part ("Invalid value around character 9.") out of the description.
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
            throw fail("cannot read \(fileName) as JSON: \(detail ?? error.localizedDescription)")
        }
        guard let object = json as? [String: Any] else { throw fail("\(fileName) must hold a JSON object") }
        let strings = ["spec", "clientName", "access", "mode", "clientModule", "serverModule"]
        // kiln checks these at their lines (against the spec, too); the plugin only needs to let them through.
        let checkedByKiln = ["strict", "filter", "nameOverrides", "typeOverrides", "additionalImports"]
        let known = strings + checkedByKiln
        // A misspelt key would otherwise be ignored silently and the default used.
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw fail("unknown key '\(unknown)'; the keys are \(known.joined(separator: ", "))")
        }
        for (key, value) in object where !checkedByKiln.contains(key) && (value as? String)?.isEmpty ?? true {
            throw fail("'\(key)' must be a non-empty string")
        }
        let values = object.compactMapValues { $0 as? String }
        guard let specPath = values["spec"] else { throw fail("names no spec; add \"spec\": \"<path>\"") }
        let spec = URL(fileURLWithPath: specPath, relativeTo: directory).standardizedFileURL
        guard FileManager.default.fileExists(atPath: spec.path) else {
            throw fail("spec '\(specPath)' does not exist (looked for \(spec.path))")
        }
        if let access = values["access"], !["public", "package", "internal"].contains(access) {
            throw fail("'access' must be \"public\", \"package\" or \"internal\", not \"\(access)\"")
        }
        let mode = values["mode"] ?? "client"
        guard ["client", "tests", "server", "mocks"].contains(mode) else {
            throw fail("'mode' must be \"client\", \"tests\", \"server\" or \"mocks\", not \"\(mode)\"")
        }
        if mode != "client" && values["clientModule"] == nil {
            throw fail("mode \"\(mode)\" needs \"clientModule\": the client library whose models it imports")
        }
        return KilnConfig(file: file, spec: spec, mode: mode)
    }

    /// The `kiln generate` arguments that write into `output`.
    func generateArguments(output: URL, quiet: Bool) -> [String] {
        var arguments = ["generate", "--config", file.path, "--output", output.path]
        if quiet { arguments.append("--quiet") }
        return arguments
    }
}

struct KilnPluginError: Error, CustomStringConvertible {
    /// The file the problem is in, for IDEs that attach diagnostics to files.
    let file: URL?
    let description: String

    init(file: URL?, _ description: String) {
        self.file = file
        self.description = description
    }
}
