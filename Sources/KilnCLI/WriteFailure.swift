#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed write of generated files as one line, "cannot write <path>: <reason>", with the system's
/// reason ("Not a directory") rather than Foundation's dump of error codes and user-info keys.
struct WriteFailure: CustomStringConvertible {
    var path: String
    var reason: String

    init(_ error: any Error, fallbackPath: String) {
        let cocoa = error as? CocoaError
        path = cocoa?.filePath ?? cocoa?.url?.path ?? fallbackPath
        if let posix = (cocoa?.underlying ?? error) as? POSIXError {
            reason = String(cString: strerror(posix.code.rawValue))
        } else {
            // Foundation always attaches the POSIX error for file-system failures; this is a last resort.
            reason = cocoa.map { "file system error \($0.code.rawValue)" } ?? String(describing: error)
        }
    }

    var description: String { "cannot write \(path): \(reason)" }
}
