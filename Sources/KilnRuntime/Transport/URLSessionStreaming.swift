import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Routes the data-task callbacks of URLSessionTransport's streaming session to the task's stream.
/// (FoundationNetworking has no `bytes(for:)`, so streaming on Linux goes through a delegate.)
final class StreamingSessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [Int: StreamedTask] = [:]

    func register(_ stream: StreamedTask, for task: URLSessionTask) {
        lock.withLock { streams[task.taskIdentifier] = stream }
    }

    private func stream(for task: URLSessionTask) -> StreamedTask? {
        lock.withLock { streams[task.taskIdentifier] }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        stream(for: dataTask)?.received(response)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        stream(for: dataTask)?.received(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let stream = lock.withLock { streams.removeValue(forKey: task.taskIdentifier) }
        stream?.completed(error)
    }
}

/// One streamed request: hands the head to the waiting caller and the body chunks to the reader.
///
/// Backpressure: when more than `limits.pause` received bytes wait for the reader, the task is
/// suspended, and resumed once the reader has brought the backlog down to half of that. On Darwin a
/// suspended task stops reading the socket, so TCP flow control slows the server. FoundationNetworking
/// (Swift 6.3, Linux) cannot pause a transfer: `suspend()` takes the curl handle off the multi handle
/// while data is in flight (a later delivery traps: "Received body data, but no transfer in progress"),
/// and `resume()` adds it back, which starts the request over and delivers the body again from its first
/// byte. So there the task is never suspended, and the bound is `limits.ceiling`: what arrives beyond it
/// goes to a temporary file (`BacklogSpool`) and is handed to the reader, in order, as it catches up.
/// Memory then stays under the ceiling plus one network read, and a slow reader slows nothing but itself.
/// Chunks are yielded under the lock, so a refill from the file and a new network read cannot swap places.
final class StreamedTask: @unchecked Sendable {
    private let lock = NSLock()
    private let task: URLSessionDataTask
    private let limits: (pause: Int, ceiling: Int)
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    /// Runs when the task has completed (removes a temporary upload file).
    private let onCompleted: @Sendable () -> Void
    private var head: CheckedContinuation<HTTPResponse, any Error>?
    private var buffered = 0
    private var isPaused = false
    private var isCompleted = false
    private let spool = BacklogSpool()
    /// The task succeeded while bytes were still in the spool: the body ends once they are read.
    private var finishesWhenDrained = false
    /// The largest backlog seen, for tests of the bound.
    private(set) var peakBuffered = 0
    #if canImport(FoundationNetworking)
        static let canSuspend = false
    #else
        static let canSuspend = true
    #endif

    init(
        task: URLSessionDataTask, limits: (pause: Int, ceiling: Int), continuation: AsyncThrowingStream<Data, any Error>.Continuation,
        onCompleted: @escaping @Sendable () -> Void = {}
    ) {
        self.task = task
        self.limits = limits
        self.continuation = continuation
        self.onCompleted = onCompleted
    }

    /// Starts the task; `head` is resumed with the status and headers, or the error that came first.
    func start(_ head: CheckedContinuation<HTTPResponse, any Error>) {
        lock.withLock { self.head = head }
        task.resume()
    }

    func received(_ response: URLResponse) {
        guard let head = takeHead() else { return }
        guard let http = response as? HTTPURLResponse else {
            task.cancel()
            return head.resume(throwing: URLError(.badServerResponse))
        }
        head.resume(returning: HTTPResponse(status: http.statusCode, headers: URLSessionTransport.headers(of: http)))
    }

    func received(_ data: Data) {
        // A delegate whose response callback the platform does not call (a signature that differs) still
        // gets its head from the first data. Our own flag first: FoundationNetworking's `task.response` is a
        // dispatch `sync`, too dear for every 16 KiB chunk.
        if lock.withLock({ head != nil }), let response = task.response { received(response) }
        enum Action { case deliver, pause, failed(any Error) }
        let action = lock.withLock { () -> Action in
            if !spool.isEmpty || buffered + data.count > limits.ceiling {
                do { try spool.append(data) } catch { return .failed(error) }
                return .deliver
            }
            buffered += data.count
            peakBuffered = max(peakBuffered, buffered)
            continuation.yield(data)
            guard Self.canSuspend, buffered > limits.pause, !isPaused else { return .deliver }
            isPaused = true
            return .pause
        }
        switch action {
        case .failed(let error):
            // The spool's disk is full or unwritable: fail rather than grow memory.
            continuation.finish(throwing: error)
            task.cancel()
        case .pause:
            task.suspend()
        case .deliver:
            break
        }
    }

    /// The reader took `count` bytes: refill from the spool, then resume a paused task once the backlog is low.
    func consumed(_ count: Int) {
        let resumes = lock.withLock { () -> Bool in
            buffered -= count
            while !spool.isEmpty, buffered <= limits.pause / 2 {
                do {
                    let data = try spool.take(upTo: max(limits.pause, 64 * 1024))
                    buffered += data.count
                    peakBuffered = max(peakBuffered, buffered)
                    continuation.yield(data)
                } catch {
                    continuation.finish(throwing: error)
                    spool.remove()
                    return false
                }
            }
            if spool.isEmpty, finishesWhenDrained {
                finishesWhenDrained = false
                spool.remove()
                continuation.finish()
            }
            guard isPaused, buffered <= limits.pause / 2, spool.isEmpty else { return false }
            isPaused = false
            return true
        }
        if resumes { task.resume() }
    }

    /// The reader went away before the end: cancel, which closes the connection.
    func abandon() {
        let running = lock.withLock { () -> Bool in
            spool.remove()
            return !isCompleted
        }
        if running { task.cancel() }
    }

    func completed(_ error: (any Error)?) {
        lock.withLock { isCompleted = true }
        onCompleted()
        if error == nil, let response = task.response { received(response) }
        takeHead()?.resume(throwing: error ?? URLError(.badServerResponse))
        lock.withLock {
            if let error {
                spool.remove()
                continuation.finish(throwing: error)
            } else if spool.isEmpty {
                continuation.finish()
            } else {
                finishesWhenDrained = true
            }
        }
    }

    /// All bytes that went through the spool file, for tests.
    var spooledBytes: Int { lock.withLock { spool.spooledBytes } }

    private func takeHead() -> CheckedContinuation<HTTPResponse, any Error>? {
        lock.withLock {
            defer { head = nil }
            return head
        }
    }
}

/// URLSessionTransport's streaming session, created on first use so buffered-only clients never pay for it.
final class StreamingSession: @unchecked Sendable {
    private let lock = NSLock()
    private var created: (URLSession, StreamingSessionDelegate)?

    func session(configuration: URLSessionConfiguration) -> (URLSession, StreamingSessionDelegate) {
        lock.withLock {
            if let created { return created }
            let delegate = StreamingSessionDelegate()
            let made = (URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil), delegate)
            created = made
            return made
        }
    }

    /// Lets running streams finish, then releases the session (which holds its delegate until then).
    func invalidate() {
        lock.withLock { created?.0.finishTasksAndInvalidate() }
    }
}
