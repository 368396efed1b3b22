// Placeholder until the runtime lands.
public enum KilnRuntimeVersion { public static let current = "0.1.0" }
