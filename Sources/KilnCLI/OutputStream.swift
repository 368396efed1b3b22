import Foundation

/// Where a command writes; tests capture it, the executable passes stdout and stderr.
public protocol CommandOutput: AnyObject {
    func write(_ text: String)
}

public final class StandardStream: CommandOutput, Sendable {
    private let handle: FileHandle

    public static let output = StandardStream(FileHandle.standardOutput)
    public static let error = StandardStream(FileHandle.standardError)

    init(_ handle: FileHandle) { self.handle = handle }

    public func write(_ text: String) {
        handle.write(Data(text.utf8))
    }
}

public final class CapturedOutput: CommandOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
}
