import KilnRuntime
import NIOCore

/// A request's `bodyStream` as the ByteBuffers AsyncHTTPClient sends, each read from disk straight into the
/// buffer (no `Data` in between) only when the connection asks for the next one. Every iterator starts at the
/// first byte, so a request AsyncHTTPClient sends again reads the body again.
struct BodyBuffers: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let stream: RequestBodyStream
    let chunkSize: Int

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(reader: stream.makeReader(), chunkSize: Swift.max(1, chunkSize))
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let reader: RequestBodyStream.Reader
        let chunkSize: Int
        let allocator = ByteBufferAllocator()

        func next() async throws -> ByteBuffer? {
            var buffer = allocator.buffer(capacity: chunkSize)
            let count = try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: chunkSize) {
                try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: $0.prefix(chunkSize)))
            }
            return count > 0 ? buffer : nil
        }
    }
}
