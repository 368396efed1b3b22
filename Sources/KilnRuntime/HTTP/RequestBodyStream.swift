import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A request body sent from its parts as the transport writes it, so a file in it is read from disk a
/// chunk at a time and never sits whole in memory: an upload from a file URL, a multipart form with file
/// parts. It is a recipe, not a one-shot sequence, so a middleware that retries sends the same bytes again.
/// Ordinary bodies (JSON, forms, text) stay `HTTPRequest.body`, the buffered fast path.
public struct RequestBodyStream: Hashable, Sendable {
    /// Bytes in memory or the current contents of a file, in the order they are sent.
    public enum Part: Hashable, Sendable {
        case data(Data)
        case file(URL)
    }

    /// What the body is made of, front to back.
    public var parts: [Part]

    /// The bytes of the parts in turn.
    public init(_ parts: [Part]) {
        self.parts = parts
    }

    /// A body that is exactly the file's contents.
    public static func file(_ url: URL) -> RequestBodyStream {
        RequestBodyStream([.file(url)])
    }

    /// The file when the body is one file and nothing else (URLSession then uploads straight from it).
    public var singleFile: URL? {
        guard parts.count == 1, case .file(let url) = parts[0] else { return nil }
        return url
    }

    /// The total size in bytes, files as they are now (the request's `Content-Length`). Throws when a file
    /// cannot be examined.
    public func length() throws -> Int {
        try parts.reduce(0) { total, part in
            switch part {
            case .data(let data): return total + data.count
            case .file(let url): return total + (try Self.size(of: url))
            }
        }
    }

    /// The size of a regular, readable file; throws (as opening it would) otherwise.
    static func size(of url: URL) throws -> Int {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return Int(try handle.seekToEnd())
    }

    /// The bytes in chunks of at most `chunkSize`, each read from disk only when the sender asks for it: a
    /// sender that waits for the network therefore holds one chunk, whatever the file's size.
    public func chunks(chunkSize: Int = 256 << 10) -> AsyncThrowingStream<Data, any Error> {
        let reader = LockedReader(makeReader(), chunkSize: chunkSize)
        return AsyncThrowingStream(unfolding: { try reader.next() })
    }

    /// A reader of the bytes front to back into memory the caller owns, so a transport fills its own buffer
    /// type (a NIO `ByteBuffer`) straight from the file. Each reader starts at the first byte: a retry makes a
    /// new one.
    public func makeReader() -> Reader {
        Reader(parts: parts)
    }

    /// The whole body in memory, for transports that cannot stream a request body.
    public func collected() throws -> Data {
        var data = Data()
        let reader = makeReader()
        while let chunk = try reader.next(upTo: 1 << 20) { data.append(chunk) }
        return data
    }

    /// Writes the body to `file` chunk by chunk (URLSession uploads a body of several parts from a file).
    func write(to file: URL) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        let reader = makeReader()
        while let chunk = try reader.next(upTo: 1 << 20) { try handle.write(contentsOf: chunk) }
    }
}

extension RequestBodyStream {
    /// Reads a body's parts front to back; one reader serves one sender, and is not thread-safe.
    public final class Reader {
        private var remaining: ArraySlice<Part>
        /// The data part being read and how far.
        private var data: Data?
        private var dataOffset = 0
        private var file: FileHandle?

        init(parts: [Part]) {
            remaining = parts[...]
        }

        deinit {
            try? file?.close()
        }

        /// Fills `buffer` from the front with the next bytes and returns how many; 0 only at the end. Reads
        /// at most one part per call, so fewer bytes than fit do not mean the end.
        public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            guard buffer.count > 0 else { return 0 }
            while true {
                if let data {
                    let count = min(buffer.count, data.count - dataOffset)
                    if count > 0 {
                        let start = data.startIndex + dataOffset
                        data.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: start..<(start + count))
                        dataOffset += count
                        return count
                    }
                    self.data = nil
                }
                if let file {
                    let count = try Self.read(file, into: buffer)
                    if count > 0 { return count }
                    try? file.close()
                    self.file = nil
                }
                guard let part = remaining.popFirst() else { return 0 }
                switch part {
                case .data(let bytes):
                    data = bytes
                    dataOffset = 0
                case .file(let url):
                    file = try FileHandle(forReadingFrom: url)
                }
            }
        }

        /// The next bytes as `Data`, at most `limit` of them; nil at the end.
        public func next(upTo limit: Int) throws -> Data? {
            var chunk = Data(count: max(1, limit))
            let count = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            guard count > 0 else { return nil }
            chunk.count = count
            return chunk
        }

        /// read(2) straight into the caller's memory (FileHandle's read would allocate a Data per call).
        private static func read(_ file: FileHandle, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            while true {
                let count = systemRead(file.fileDescriptor, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                guard errno == EINTR else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
        }
    }
}

/// A reader behind a lock, for `chunks`: the stream's unfolding closure must be Sendable.
private final class LockedReader: @unchecked Sendable {
    private let lock = NSLock()
    private let reader: RequestBodyStream.Reader
    private let chunkSize: Int

    init(_ reader: RequestBodyStream.Reader, chunkSize: Int) {
        self.reader = reader
        self.chunkSize = max(1, chunkSize)
    }

    func next() throws -> Data? {
        try lock.withLock { try reader.next(upTo: chunkSize) }
    }
}

// The system's read(2); a bare `read` in Reader would mean its own method.
#if canImport(Glibc)
    private let systemRead = Glibc.read
#elseif canImport(Musl)
    private let systemRead = Musl.read
#elseif canImport(Darwin)
    private let systemRead = Darwin.read
#endif
