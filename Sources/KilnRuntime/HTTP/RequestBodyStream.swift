import Foundation

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
        let reader = PartReader(parts: parts, chunkSize: chunkSize)
        return AsyncThrowingStream(unfolding: { try reader.next() })
    }

    /// The whole body in memory, for transports that cannot stream a request body.
    public func collected() throws -> Data {
        var data = Data()
        let reader = PartReader(parts: parts, chunkSize: 1 << 20)
        while let chunk = try reader.next() { data.append(chunk) }
        return data
    }

    /// Writes the body to `file` chunk by chunk (URLSession uploads a body of several parts from a file).
    func write(to file: URL) throws {
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        let reader = PartReader(parts: parts, chunkSize: 1 << 20)
        while let chunk = try reader.next() { try handle.write(contentsOf: chunk) }
    }
}

/// Reads a body's parts front to back, one chunk per call; used by one sender at a time.
private final class PartReader: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: ArraySlice<RequestBodyStream.Part>
    private let chunkSize: Int
    private var file: FileHandle?

    init(parts: [RequestBodyStream.Part], chunkSize: Int) {
        self.remaining = parts[...]
        self.chunkSize = max(1, chunkSize)
    }

    deinit {
        try? file?.close()
    }

    func next() throws -> Data? {
        try lock.withLock {
            while true {
                if let file {
                    if let chunk = try file.read(upToCount: chunkSize), !chunk.isEmpty { return chunk }
                    try? file.close()
                    self.file = nil
                }
                guard let part = remaining.popFirst() else { return nil }
                switch part {
                case .data(let data):
                    if !data.isEmpty { return data }
                case .file(let url):
                    file = try FileHandle(forReadingFrom: url)
                }
            }
        }
    }
}
