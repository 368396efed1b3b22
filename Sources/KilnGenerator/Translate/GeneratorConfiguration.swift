/// What to generate and how to name it; read from the command line or a kiln config file.
public struct GeneratorConfiguration: Sendable {
    /// The client type, e.g. `IServClient`. Derived from the spec's title when nil.
    public var clientName: String?
    public var access: AccessLevel
    /// Module imported by generated code for the runtime.
    public var runtimeModule: String

    public init(clientName: String? = nil, access: AccessLevel = .public, runtimeModule: String = "KilnRuntime") {
        self.clientName = clientName
        self.access = access
        self.runtimeModule = runtimeModule
    }
}
