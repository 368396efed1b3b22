import Foundation

/// A minimal HTTP/1.1 server for tests, listening on 127.0.0.1 on an ephemeral port.
///
/// One thread accepts connections and one thread serves each connection; every thread waits in
/// `poll` on its socket and on a shared wake pipe, so `stop()` ends them all promptly and waits
/// until they have exited. Every request is recorded before the handler sees it.
/// Always call `stop()` (or use `withKilnTestServer`): running threads keep the server alive.
public final class KilnTestServer: Sendable {
    /// Produces the response for a request. Runs on the Swift concurrency pool.
    public typealias Handler = @Sendable (RecordedRequest) async -> TestResponse

    /// The port the server listens on.
    public let port: Int

    private let handler: Handler
    private let listenFD: Int32
    private let wakeFDs: (read: Int32, write: Int32)
    private let recorded = Locked<[RecordedRequest]>([])
    private let closedStreams = Locked<Int>(0)
    private let streamedBytes = Locked<Int>(0)
    private let lifecycle = Locked<Lifecycle>(Lifecycle())
    private let threads = DispatchGroup()

    private struct Lifecycle {
        var isStopping = false
        var isClosed = false
        var liveThreads = 0
    }

    /// Binds to 127.0.0.1 on an ephemeral port and starts accepting connections.
    public init(handler: @escaping Handler) throws {
        let listener = try Socket.listenOnLoopback()
        let wake: (read: Int32, write: Int32)
        do {
            wake = try Socket.makePipe()
        } catch {
            Socket.close(listener.fd)
            throw error
        }
        self.handler = handler
        self.listenFD = listener.fd
        self.port = listener.port
        self.wakeFDs = wake
        spawnThread(named: "KilnTestServer.accept") { server in server.acceptLoop() }
    }

    /// `http://127.0.0.1:<port>`, the base URL clients should use.
    public var baseURL: URL {
        URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] {
        recorded.withLock { $0 }
    }

    /// How many streamed responses (`TestResponse.streamed`) the client hung up on before their end.
    public var streamsClosedByClient: Int {
        closedStreams.withLock { $0 }
    }

    /// Body bytes of streamed responses handed to the socket so far: with a client that applies backpressure,
    /// this stops growing while its reader waits (the kernel's socket buffers fill).
    public var bytesStreamed: Int {
        streamedBytes.withLock { $0 }
    }

    /// Waits up to `timeout` seconds until `streamsClosedByClient` reaches `count`; true if it did.
    public func waitForStreamsClosedByClient(_ count: Int = 1, timeout: TimeInterval = 10) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while streamsClosedByClient < count {
            guard Date() < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// Forgets recorded requests (e.g. between phases of one test).
    public func clearRequests() {
        recorded.withLock { $0.removeAll() }
    }

    /// Threads still running; 0 once `stop()` has returned.
    var liveThreadCount: Int {
        lifecycle.withLock { $0.liveThreads }
    }

    /// Stops accepting, closes all connections and waits until every server thread has exited.
    /// The blocking wait runs on a dedicated thread so it never occupies a concurrency-pool thread.
    public func stop() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                self.stopAndWait()
                continuation.resume()
            }.start()
        }
    }

    /// Blocking variant of `stop()` for synchronous contexts.
    public func stopAndWait() {
        let shouldSignal = lifecycle.withLock { state -> Bool in
            defer { state.isStopping = true }
            return !state.isStopping
        }
        if shouldSignal { Socket.signal(wakeFDs.write) }
        threads.wait()
        let shouldClose = lifecycle.withLock { state -> Bool in
            defer { state.isClosed = true }
            return !state.isClosed
        }
        if shouldClose {
            Socket.close(listenFD)
            Socket.close(wakeFDs.read)
            Socket.close(wakeFDs.write)
        }
    }

    private func spawnThread(named name: String, _ body: @escaping @Sendable (KilnTestServer) -> Void) {
        threads.enter()
        lifecycle.withLock { $0.liveThreads += 1 }
        let thread = Thread { [self] in
            body(self)
            lifecycle.withLock { $0.liveThreads -= 1 }
            threads.leave()
        }
        thread.name = name
        thread.start()
    }

    private func acceptLoop() {
        while Socket.waitReadable(listenFD, unlessWoken: wakeFDs.read) {
            guard let connectionFD = Socket.accept(listenFD) else { continue }
            spawnThread(named: "KilnTestServer.connection") { server in
                server.serve(connectionFD)
                Socket.close(connectionFD)
            }
        }
    }

    /// Serves requests on one connection until the peer closes, asks to close, or the server stops.
    private func serve(_ fd: Int32) {
        let wakeFD = wakeFDs.read
        var reader = RequestReader {
            Socket.waitReadable(fd, unlessWoken: wakeFD) ? Socket.receive(fd) : nil
        }
        while true {
            do {
                guard let head = try reader.readHead() else { return }
                if head.expectsContinue {
                    Socket.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                }
                let body = try reader.readBody(for: head)
                let request = RecordedRequest(method: head.method, target: head.target, httpVersion: head.httpVersion, headers: head.headers, body: body)
                recorded.withLock { $0.append(request) }
                let response = respond(to: request)
                let close = head.wantsClose || response.headers.value(for: "Connection")?.lowercased() == "close"
                let bytes = response.serialized(closeConnection: close, includeBody: head.method != "HEAD")
                guard Socket.sendAll(fd, bytes) else { return }
                if let steps = response.stream, head.method != "HEAD" {
                    let outcome = Self.send(steps, on: fd, wakeFD: wakeFD) { sent in streamedBytes.withLock { $0 += sent } }
                    if outcome == .closedByClient { closedStreams.withLock { $0 += 1 } }
                    guard outcome == .completed else { return }
                }
                guard !close else { return }
            } catch .truncated {
                return
            } catch {
                Socket.sendAll(fd, TestResponse.text("\(error)", status: 400).serialized(closeConnection: true, includeBody: true))
                return
            }
        }
    }

    /// Runs the async handler from this plain thread and waits for its answer.
    private func respond(to request: RecordedRequest) -> TestResponse {
        let result = Locked<TestResponse?>(nil)
        let done = DispatchSemaphore(value: 0)
        let handler = self.handler
        Task {
            let response = await handler(request)
            result.withLock { $0 = response }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 } ?? TestResponse.status(500)
    }
}
