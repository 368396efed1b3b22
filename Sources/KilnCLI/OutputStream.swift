#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif

/// Where a command writes; tests capture it, the executable passes stdout and stderr.
public protocol CommandOutput: AnyObject {
    func write(_ text: String)
}

/// stdout or stderr, written straight to the file descriptor: FileHandle would pull in full Foundation.
public final class StandardStream: CommandOutput, Sendable {
    private let isError: Bool

    public static let output = StandardStream(isError: false)
    public static let error = StandardStream(isError: true)

    init(isError: Bool) { self.isError = isError }

    public func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(isError ? 2 : 1, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

public final class CapturedOutput: CommandOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}
