import KilnFileSystem

/// A failed write of generated files as one line, "cannot write <path>: <reason>", with the system's
/// reason ("Not a directory").
struct WriteFailure: CustomStringConvertible {
    var path: String
    var reason: String

    init(_ error: any Error, fallbackPath: String) {
        if let failure = error as? FileSystemError {
            path = failure.path
            reason = failure.reason
        } else {
            path = fallbackPath
            reason = String(describing: error)
        }
    }

    var description: String { "cannot write \(path): \(reason)" }
}
