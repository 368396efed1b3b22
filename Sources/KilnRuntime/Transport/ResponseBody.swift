import Foundation

/// A response body that arrives in chunks, read once, front to back.
///
/// Stopping early (leaving the loop, dropping the body, cancelling the reading task) closes the
/// connection when the transport streams for real.
public struct ResponseBody: AsyncSequence, Sendable {
    public typealias Element = Data

    private let chunks: AsyncThrowingStream<Data, any Error>
    /// Told how many bytes the reader took, so a transport can resume a paused download.
    private let onConsumed: @Sendable (Int) -> Void
    /// Called when the iterator goes away, finished or not, so a transport can close an unfinished download.
    private let onAbandoned: @Sendable () -> Void
    /// What a reading error becomes (`mapErrors`).
    private var errorTransform: @Sendable (any Error) -> any Error = { $0 }

    /// A body fed by `chunks`; `onConsumed` hears the size of every chunk the reader takes, and
    /// `onAbandoned` that the reader's iterator is gone (loop left, reading task ended).
    public init(
        _ chunks: AsyncThrowingStream<Data, any Error>, onConsumed: @escaping @Sendable (Int) -> Void = { _ in },
        onAbandoned: @escaping @Sendable () -> Void = {}
    ) {
        self.chunks = chunks
        self.onConsumed = onConsumed
        self.onAbandoned = onAbandoned
    }

    /// A body already in memory, delivered in the given chunks (tests, buffered transports).
    public init(chunks: [Data]) {
        self.init(AsyncThrowingStream { continuation in
            for chunk in chunks where !chunk.isEmpty { continuation.yield(chunk) }
            continuation.finish()
        })
    }

    /// A body already in memory, as one chunk.
    public init(_ data: Data) {
        self.init(chunks: [data])
    }

    /// The same body whose reading errors pass through `transform` first (generated calls make them `ClientError`s).
    public func mapErrors(_ transform: @escaping @Sendable (any Error) -> any Error) -> ResponseBody {
        var body = self
        let previous = errorTransform
        body.errorTransform = { transform(previous($0)) }
        return body
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(
            base: chunks.makeAsyncIterator(), onConsumed: onConsumed, abandonment: Abandonment(onAbandoned),
            errorTransform: errorTransform)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<Data, any Error>.AsyncIterator
        let onConsumed: @Sendable (Int) -> Void
        let abandonment: Abandonment
        let errorTransform: @Sendable (any Error) -> any Error

        public mutating func next() async throws -> Data? {
            let chunk: Data?
            do { chunk = try await base.next() } catch { throw errorTransform(error) }
            guard let chunk else { return nil }
            onConsumed(chunk.count)
            return chunk
        }
    }

    /// Reads the whole body, failing once it exceeds `limit` bytes (error bodies of streamed calls).
    public func collect(upTo limit: Int) async throws -> Data {
        var data = Data()
        for try await chunk in self {
            guard data.count + chunk.count <= limit else { throw BodyTooLargeError(limit: limit) }
            data.append(chunk)
        }
        return data
    }
}

/// Runs its action when the last copy of an iterator is released: `break` leaves a `for try await` loop
/// without any other signal.
final class Abandonment: Sendable {
    private let action: @Sendable () -> Void

    init(_ action: @escaping @Sendable () -> Void) {
        self.action = action
    }

    deinit {
        action()
    }
}

/// `ResponseBody.collect(upTo:)` met more bytes than it may hold.
public struct BodyTooLargeError: Error, CustomStringConvertible {
    public let limit: Int
    public var description: String { "The response body exceeds \(limit) bytes" }
}
