import Foundation

/// The bytes of a streamed response that arrived while the reader was already `streamBufferCeiling`
/// behind, kept in a temporary file in arrival order until the reader catches up. FoundationNetworking
/// keeps delivering to a suspended task, so without it a reader slower than the network (a loopback
/// download, a reader writing to a slow disk) would have to grow memory without bound or fail.
/// Not thread-safe: `StreamedTask` uses it under its lock.
final class BacklogSpool {
    private var handle: FileHandle?
    private var url: URL?
    private var readOffset: UInt64 = 0
    private var writeOffset: UInt64 = 0
    /// All bytes that went through the file, for tests.
    private(set) var spooledBytes = 0

    var isEmpty: Bool { readOffset == writeOffset }

    func append(_ data: Data) throws {
        let handle = try openHandle()
        try handle.seek(toOffset: writeOffset)
        try handle.write(contentsOf: data)
        writeOffset += UInt64(data.count)
        spooledBytes += data.count
    }

    /// Up to `count` of the oldest bytes; the file starts over once it is drained, so it stays as large as
    /// the backlog rather than the whole body.
    func take(upTo count: Int) throws -> Data {
        guard let handle, !isEmpty else { return Data() }
        try handle.seek(toOffset: readOffset)
        let data = try handle.read(upToCount: Int(min(UInt64(count), writeOffset - readOffset))) ?? Data()
        readOffset += UInt64(data.count)
        if isEmpty {
            try handle.truncate(atOffset: 0)
            readOffset = 0
            writeOffset = 0
        }
        return data
    }

    func remove() {
        try? handle?.close()
        if let url { try? FileManager.default.removeItem(at: url) }
        handle = nil
        url = nil
        readOffset = 0
        writeOffset = 0
    }

    private func openHandle() throws -> FileHandle {
        if let handle { return handle }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-stream-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forUpdating: url)
        self.handle = handle
        self.url = url
        return handle
    }

    deinit { remove() }
}
