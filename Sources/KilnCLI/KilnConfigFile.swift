#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import KilnGenerator

/// `kiln.json`, the config file a target folder holds for the build plugin, also accepted by
/// `kiln generate --config`: `{"spec": "../../Specs/iserv.yaml", "clientName": "IServClient",
/// "access": "public", "mode": "client", "clientModule": "IServ"}`. The spec path is relative to the file.
struct KilnConfigFile: Decodable {
    var spec: String?
    var clientName: String?
    var access: String?
    var mode: String?
    var clientModule: String?

    /// Reads the file; problems are returned as messages located at the file.
    static func load(_ path: String) -> Result<(config: KilnConfigFile, specPath: String?), ConfigError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ConfigError(path: path, message: "cannot read the config file"))
        }
        let config: KilnConfigFile
        do {
            config = try JSONDecoder().decode(KilnConfigFile.self, from: data)
        } catch {
            return .failure(ConfigError(path: path, message: "not a valid kiln.json: \(error)"))
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        let specPath = config.spec.map { $0.hasPrefix("/") ? $0 : directory.appendingPathComponent($0).standardizedFileURL.path }
        return .success((config, specPath))
    }

    /// Applies the file's settings; command-line flags given explicitly win and are applied afterwards.
    func apply(to configuration: inout GeneratorConfiguration) -> String? {
        if let clientName { configuration.clientName = clientName }
        if let access {
            guard let level = AccessLevel(rawValue: access) else { return "'access' must be public, package or internal, not '\(access)'" }
            configuration.access = level
        }
        if let mode {
            guard let value = GeneratorConfiguration.Mode(rawValue: mode) else { return "'mode' must be client or tests, not '\(mode)'" }
            configuration.mode = value
        }
        if let clientModule { configuration.clientModule = clientModule }
        return nil
    }
}

struct ConfigError: Error {
    var path: String
    var message: String
    var description: String { "\(path):1:1: error: \(message)" }
}
