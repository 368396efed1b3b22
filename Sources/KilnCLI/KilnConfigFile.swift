import KilnDiagnostics
import KilnFileSystem
import KilnGenerator
import KilnOpenAPI
import KilnText
import KilnYAML

/// `kiln.json`, the config file a target folder holds for the build plugin, also accepted by
/// `kiln generate --config`: `{"spec": "../../Specs/iserv.yaml", "clientName": "IServClient",
/// "access": "public", "mode": "client", "clientModule": "IServ"}`. The spec path is relative to the file.
/// `filter`, `nameOverrides`, `typeOverrides` and `additionalImports` are read in KilnConfigCustomization.
///
/// Read with the YAML loader (JSON is YAML) rather than JSONDecoder, so every problem is located at
/// the key or value to fix, like a spec's.
struct KilnConfigFile {
    static let keys = ["spec", "clientName", "access", "mode", "clientModule", "serverModule", "strict"] + customizationKeys

    /// The spec path resolved against the file's folder.
    var specPath: String?
    var clientName: String?
    var access: AccessLevel?
    var mode: GeneratorConfiguration.Mode?
    var clientModule: String?
    var serverModule: String?
    /// Warnings are errors (`--strict`); this project's own specs use it.
    var strict: Bool?
    /// Filter and overrides, checked against the spec once it is loaded.
    var customization = SpecCustomization()
    var additionalImports: [String] = []

    /// Reads the file, reporting problems to `diagnostics`; nil when it has errors.
    static func load(_ path: String, diagnostics: DiagnosticCollector) -> KilnConfigFile? {
        guard let data = try? FileSystem.contents(of: path) else {
            diagnostics.error("cannot read the config file", at: .start(of: path))
            return nil
        }
        guard data.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else {
            diagnostics.error("the config file is empty; expected a JSON object", at: .start(of: path))
            return nil
        }
        guard let root = YAMLLoader.parse(data, file: path, diagnostics: diagnostics) else { return nil }
        guard let pairs = root.mapping else {
            diagnostics.error("expected a JSON object, found \(root.kindDescription)", at: root.location)
            return nil
        }
        let reportedBefore = diagnostics.diagnostics.count
        var config = KilnConfigFile()
        for pair in pairs {
            guard let key = pair.key.scalar?.text, keys.contains(key) else {
                // A misspelt key would otherwise be dropped silently and the default used instead.
                diagnostics.warning(
                    "unknown key '\(pair.key.scalar?.text ?? pair.key.kindDescription)'; the keys are "
                        + keys.joined(separator: ", "),
                    at: pair.key.location)
                continue
            }
            if key == "strict" {
                guard case .bool(let flag)? = pair.value.scalar?.resolved else {
                    diagnostics.error("'strict' must be true or false, found \(pair.value.kindDescription)", at: pair.value.location)
                    continue
                }
                config.strict = flag
                continue
            }
            if customizationKeys.contains(key) {
                config.setCustomization(key, pair.value, diagnostics: diagnostics)
                continue
            }
            guard case .string(let value)? = pair.value.scalar?.resolved, !value.isEmpty else {
                diagnostics.error(
                    "'\(key)' must be a non-empty string, found \(pair.value.kindDescription)", at: pair.value.location)
                continue
            }
            config.set(key, value, at: pair.value.location, diagnostics: diagnostics)
        }
        let failed = diagnostics.diagnostics[reportedBefore...].contains { $0.severity == .error }
        return failed ? nil : config
    }

    private mutating func set(_ key: String, _ value: String, at location: SourceLocation, diagnostics: DiagnosticCollector) {
        switch key {
        case "spec":
            // Absolute, as the file's own path may be relative to the working directory.
            let file = FilePaths.join(FileSystem.currentDirectory, location.file)
            specPath = value.hasPrefix("/") ? value : FilePaths.normalized(FilePaths.join(FilePaths.directory(of: file), value))
        case "clientName":
            clientName = value
        case "access":
            access = AccessLevel(rawValue: value)
            if access == nil { diagnostics.error("'access' must be public, package or internal, not '\(value)'", at: location) }
        case "mode":
            mode = GeneratorConfiguration.Mode(rawValue: value)
            if mode == nil { diagnostics.error("'mode' must be \(GeneratorConfiguration.Mode.spelledChoices), not '\(value)'", at: location) }
        case "serverModule":
            serverModule = value
        default:
            clientModule = value
        }
    }

    /// Applies the file's settings; command-line flags given explicitly win and are applied afterwards.
    func apply(to configuration: inout GeneratorConfiguration) {
        if let clientName { configuration.clientName = clientName }
        if let access { configuration.access = access }
        if let mode { configuration.mode = mode }
        if let clientModule { configuration.clientModule = clientModule }
        if let serverModule { configuration.serverModule = serverModule }
        configuration.additionalImports += additionalImports
    }
}
