/// What to generate and how to name it; read from the command line or a kiln config file.
public struct GeneratorConfiguration: Sendable {
    public enum Mode: String, Sendable, CaseIterable {
        /// The client, its models and the protocols it shares with its mock.
        case client
        /// Contract tests for a test target that depends on the client library.
        case tests
        /// A handler protocol and router for a target that depends on the client library and KilnServer.
        case server
        /// The mock client, for a test-support target that depends on the client library.
        case mocks
    }

    public var mode: Mode
    /// The client type, e.g. `IServClient`. Derived from the spec's title when nil.
    public var clientName: String?
    public var access: AccessLevel
    /// Module imported by generated code for the runtime.
    public var runtimeModule: String

    /// The client library's module, which contract tests, servers and mocks import (nil: the same module).
    public var clientModule: String?
    /// The generated server's module (`--mode server`), which tests mode's round trips import; nil: none.
    public var serverModule: String?
    /// Component schema name -> an existing Swift type used for it instead of a generated declaration.
    public var typeOverrides: [String: String] = [:]
    /// Modules every generated file imports as well, for the types `typeOverrides` names.
    public var additionalImports: [String] = []

    public init(
        mode: Mode = .client, clientName: String? = nil, access: AccessLevel = .public,
        runtimeModule: String = "KilnRuntime", clientModule: String? = nil
    ) {
        self.mode = mode
        self.clientModule = clientModule
        self.clientName = clientName
        self.access = access
        self.runtimeModule = runtimeModule
    }
}

extension GeneratorConfiguration.Mode {
    /// "client, tests, server or mocks", for errors that list the modes.
    public static var spelledChoices: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
    }
}
