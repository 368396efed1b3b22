import AsyncHTTPClient
import Foundation
import KilnRuntime
import NIOCore
import NIOHTTP1

/// An `HTTPTransport` over AsyncHTTPClient (SwiftNIO), for server-side Swift on Linux:
/// `APIClient(baseURL: url, transport: AsyncHTTPClientTransport())`.
///
/// Streaming both ways with backpressure: a streamed response's bytes are pulled from AsyncHTTPClient
/// only as the reader asks for them, so a slow reader stops the socket being read and TCP slows the
/// server; a request's `bodyStream` is read from disk a chunk at a time as the connection can take it.
/// Cancelling the task that waits for the head or reads the body cancels the request and closes the
/// connection, and so does dropping the body unfinished.
public final class AsyncHTTPClientTransport: HTTPTransport {
    /// Limits for the requests this transport sends.
    public struct Configuration: Sendable {
        /// Time a buffered call (`send`) has for the whole exchange, request and response body included.
        /// Streamed calls have no overall deadline: an event stream may stay open for hours.
        public var timeout: TimeInterval
        /// The largest response body `send` holds in memory; a larger one fails the call (stream those).
        public var maxBufferedBodySize: Int
        /// The size of the pieces a `bodyStream` is read from disk in. AsyncHTTPClient queues a piece for the
        /// event loop before it learns the socket is full, so a disk faster than the network has a few pieces
        /// in flight: over loopback (stream-1gib.sh) 16 KiB pieces peaked at 88 MB, 128 KiB ones at 38-43 MB
        /// with the same throughput, and larger ones varied more again.
        public var uploadChunkSize: Int

        /// Seconds and bytes.
        public init(timeout: TimeInterval = 300, maxBufferedBodySize: Int = 256 << 20, uploadChunkSize: Int = 128 << 10) {
            self.timeout = timeout
            self.maxBufferedBodySize = maxBufferedBodySize
            self.uploadChunkSize = uploadChunkSize
        }
    }

    private let client: HTTPClient
    private let configuration: Configuration

    /// Sends through `client` (by default the process-wide `sharedClient`, which needs no shutdown: it is
    /// `HTTPClient.shared` tuned for streaming, see `clientConfiguration`); a client passed in stays the
    /// caller's to shut down.
    public init(client: HTTPClient = AsyncHTTPClientTransport.sharedClient, configuration: Configuration = Configuration()) {
        self.client = client
        self.configuration = configuration
    }

    public var streamsRequestBodies: Bool { true }

    public func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        let response = try await client.execute(
            try makeRequest(request, baseURL: baseURL), timeout: .nanoseconds(Int64(configuration.timeout * 1_000_000_000)))
        let body = try await response.body.collect(upTo: configuration.maxBufferedBodySize)
        return HTTPResponse(status: Int(response.status.code), headers: Self.fields(response.headers), body: Data(body))
    }

    public func stream(_ request: HTTPRequest, baseURL: URL) async throws -> (HTTPResponse, ResponseBody) {
        let response = try await client.execute(try makeRequest(request, baseURL: baseURL), deadline: .distantFuture)
        let reader = BodyReader(response.body.makeAsyncIterator())
        // `unfolding` pulls one buffer per `next()` of the reader: nothing is read ahead of it.
        let chunks = AsyncThrowingStream<Data, any Error>(unfolding: { try await reader.next() })
        let head = HTTPResponse(status: Int(response.status.code), headers: Self.fields(response.headers))
        return (head, ResponseBody(chunks, onAbandoned: reader.close))
    }

    func makeRequest(_ request: HTTPRequest, baseURL: URL) throws -> HTTPClientRequest {
        var sent = HTTPClientRequest(url: try request.url(relativeTo: baseURL).absoluteString)
        sent.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers {
            sent.headers.add(name: field.name, value: field.value)
        }
        if let stream = request.bodyStream {
            let length = try stream.length()
            sent.body = .stream(BodyBuffers(stream: stream, chunkSize: configuration.uploadChunkSize), length: .known(Int64(length)))
        } else if let body = request.body {
            sent.body = .bytes(ByteBuffer(data: body))
        }
        return sent
    }

    /// AsyncHTTPClient keeps repeated fields and their order; so does `HTTPFields`.
    static func fields(_ headers: NIOHTTP1.HTTPHeaders) -> HTTPFields {
        HTTPFields(headers.map { HTTPField(name: $0.name, value: $0.value) })
    }
}

extension ByteBuffer {
    init(data: Data) {
        self = ByteBufferAllocator().buffer(capacity: data.count)
        data.withUnsafeBytes { _ = self.writeBytes($0) }
    }
}

extension Data {
    init(_ buffer: ByteBuffer) {
        self = buffer.withUnsafeReadableBytes { Data($0) }
    }
}

/// Holds the response body's iterator for the one reader; dropping it (`close`) ends the request.
private final class BodyReader: @unchecked Sendable {
    private let lock = NSLock()
    private var iterator: HTTPClientResponse.Body.AsyncIterator?

    init(_ iterator: HTTPClientResponse.Body.AsyncIterator) {
        self.iterator = iterator
    }

    /// The next buffer as `Data`; nil at the end or once closed. Not called concurrently (one reader).
    func next() async throws -> Data? {
        guard var current = lock.withLock({ iterator.take() }) else { return nil }
        guard let buffer = try await current.next() else { return nil }
        lock.withLock { iterator = current }
        return Data(buffer)
    }

    /// The reader went away: releasing the iterator cancels an unfinished request.
    func close() {
        let dropped = lock.withLock { iterator.take() }
        _ = dropped
    }
}
