#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file operations the generator needs, as POSIX calls. Foundation's FileManager would do, but
/// loading FoundationEssentials costs every `kiln` run 3.4 MB of resident memory and some startup,
/// for a handful of calls.
public enum FileSystem {
    public enum Kind: Sendable, Equatable {
        case file, directory, symbolicLink, other
    }

    /// What is at `path`, or nil when nothing is. With `followingLinks: false` a symlink is reported
    /// as itself, not as what it points to.
    public static func kind(of path: String, followingLinks: Bool = true) -> Kind? {
        var info = stat()
        let status = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard status == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    public static func exists(_ path: String) -> Bool { kind(of: path) != nil }

    /// The whole file.
    public static func contents(of path: String) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .current(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .current(path) }
        // The size is a hint (the file may change while it is read); one more byte sees the end at once.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size) + 1, 4096))
        var count = 0
        while true {
            if count == bytes.count { bytes += repeatElement(0, count: bytes.count) }
            let result = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if result == 0 { break }
            if result < 0 {
                if errno == EINTR { continue }
                throw .current(path)
            }
            count += result
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Replaces the file at `path` with `bytes` through a temporary file in the same folder, so a reader
    /// never sees half a file. A symlink at `path` is replaced, not followed.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
        let (temporary, descriptor) = try createTemporaryFile(beside: path)
        // The errno of the first failed write or close; 0 while all is well.
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += result
            }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw FileSystemError(path: path, code: failure)
        }
        guard rename(temporary, path) == 0 else {
            let error = FileSystemError.current(path)
            unlink(temporary)
            throw error
        }
    }

    /// Creates the folder and any missing parents; an existing folder is fine.
    public static func createDirectory(_ path: String) throws(FileSystemError) {
        if kind(of: path) == .directory { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += prefix.isEmpty || prefix.hasSuffix("/") ? String(component) : "/" + component
            if mkdir(prefix, 0o777) != 0 {
                let code = errno
                guard code == EEXIST else { throw FileSystemError(path: path, code: code) }
                // A file where a folder should be: reported as the system reports it for the path.
                guard kind(of: prefix) == .directory else { throw FileSystemError(path: path, code: ENOTDIR) }
            }
        }
    }

    /// The names in a folder, without `.` and `..`, in no particular order.
    public static func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        guard let directory = opendir(path) else { throw .current(path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) {
                    String(cString: $0)
                }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a file, a symlink (not its target) or an empty folder.
    public static func remove(_ path: String) throws(FileSystemError) {
        let status = kind(of: path, followingLinks: false) == .directory ? rmdir(path) : unlink(path)
        guard status == 0 else { throw .current(path) }
    }

    /// The process's working directory.
    public static var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        let length = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func createTemporaryFile(beside path: String) throws(FileSystemError) -> (String, Int32) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        for attempt in 0..<100 {
            let temporary = "\(folder).\(name).kiln-\(getpid())-\(attempt)"
            // 0o666 under the umask, as any newly written file.
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (temporary, descriptor) }
            if errno != EEXIST { throw FileSystemError(path: path, code: errno) }
        }
        throw FileSystemError(path: path, code: EEXIST)
    }
}
