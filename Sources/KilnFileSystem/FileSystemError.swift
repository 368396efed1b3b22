#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed file-system call: the path it was about and the system's reason ("Not a directory").
public struct FileSystemError: Error, Equatable, CustomStringConvertible {
    public var path: String
    /// The `errno` the call set.
    public var code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    /// The error of the call that just failed.
    static func current(_ path: String) -> FileSystemError {
        FileSystemError(path: path, code: errno)
    }

    public var reason: String { String(cString: strerror(code)) }
    public var description: String { "\(path): \(reason)" }
}
