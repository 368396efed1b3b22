import Foundation
import Testing
import KilnAsyncHTTPClient
import KilnRuntime
import KilnTestServer

/// The streaming path of every transport against KilnTestServer, sending `Transfer-Encoding: chunked` bodies.
@Suite struct StreamingTransportTests {
    static let eventStream = [TestHeader("Content-Type", "text/event-stream")]

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func eventsArriveInChunksSplitInsideEvents(_ kind: TransportKind) async throws {
        let expected = (0..<300).map { ServerSentEvent(data: "event \($0)\nsecond line", id: "\($0)") }
        let text = Array(expected.map { "id: \($0.id!)\r\ndata: \($0.data.replacingOccurrences(of: "\n", with: "\ndata: "))\r\n\r\n" }.joined().utf8)
        // Cuts of 1 to 700 bytes, so boundaries fall inside lines, CRLFs and events.
        var steps: [StreamStep] = []
        var start = 0
        while start < text.count {
            let end = min(text.count, start + 1 + (start * 7919) % 700)
            steps.append(.chunk(Data(text[start..<end])))
            if steps.count % 10 == 0 { steps.append(.pause(0.005)) }
            start = end
        }
        try await withKilnTestServer(handler: { [steps] _ in .streamed(steps, headers: Self.eventStream) }) { server in
            let (head, body) = try await kind.make().stream(HTTPRequest(path: "/events"), baseURL: server.baseURL)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.mediaType == "text/event-stream")
            #expect(try await elements(of: ServerSentEventStream<String>(body, operationID: "events")) == expected)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func cancellingTheReaderClosesTheConnection(_ kind: TransportKind) async throws {
        let steps: [StreamStep] = [.text("data: 1\n\ndata: 2\n\n"), .pause(30), .text("data: 3\n\n")]
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: Self.eventStream) }) { server in
            let received = Recorded<String>()
            let reader = Task {
                let (_, body) = try await kind.make().stream(HTTPRequest(path: "/events"), baseURL: server.baseURL)
                for try await event in ServerSentEventStream<String>(body, operationID: "events") { received.append(event.data) }
            }
            while received.values.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
            reader.cancel()
            _ = await reader.result
            #expect(await server.waitForStreamsClosedByClient(1, timeout: 20))
            #expect(received.values == ["1", "2"])
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func leavingTheLoopEarlyClosesTheConnection(_ kind: TransportKind) async throws {
        let steps: [StreamStep] = [.text("data: 1\n\n"), .pause(30)]
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: Self.eventStream) }) { server in
            let (_, body) = try await kind.make().stream(HTTPRequest(path: "/events"), baseURL: server.baseURL)
            for try await event in ServerSentEventStream<String>(body, operationID: "events") {
                #expect(event.data == "1")
                break
            }
            #expect(await server.waitForStreamsClosedByClient(1, timeout: 20))
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aServerStoppingMidEventFailsWithoutDispatchingIt(_ kind: TransportKind) async throws {
        let steps: [StreamStep] = [.text("data: whole\n\nda"), .pause(0.05), .text("ta: partial\n"), .abort]
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: Self.eventStream) }) { server in
            let (_, body) = try await kind.make().stream(HTTPRequest(path: "/events"), baseURL: server.baseURL)
            var events: [String] = []
            await #expect(throws: (any Error).self) {
                for try await event in ServerSentEventStream<String>(body, operationID: "events") { events.append(event.data) }
            }
            #expect(events == ["whole"])
        }
    }

    /// AsyncHTTPClient reads the socket only as the reader asks, so a reader that waits stops the server:
    /// the kernel's socket buffers (a few MiB on loopback) fill and the server's writes block.
    @Test(.timeLimit(.minutes(1))) func aSlowReaderPausesAnAsyncHTTPClientDownload() async throws {
        let chunk = Data(repeating: 0x61, count: 64 * 1024)
        let total = 64 * 1024 * 1024
        let steps = [StreamStep](repeating: .chunk(chunk), count: total / chunk.count)
        try await withKilnTestServer(handler: { _ in .streamed(steps) }) { server in
            let (_, body) = try await AsyncHTTPClientTransport().stream(HTTPRequest(path: "/big"), baseURL: server.baseURL)
            try await Task.sleep(for: .milliseconds(500))
            let sentWhileWaiting = server.bytesStreamed
            #expect(sentWhileWaiting < 24 * 1024 * 1024, "the server wrote \(sentWhileWaiting) bytes to a reader that read none")
            var received = 0
            for try await piece in body { received += piece.count }
            #expect(received == total)
        }
    }
}

/// Streamed calls through `APIClientCore` (middlewares, status handling, errors) over every transport.
@Suite struct StreamedCallTests {
    struct Tick: Codable, Equatable, Sendable {
        var n: Int
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func middlewaresSeeTheHeadAndItemsDecode(_ kind: TransportKind) async throws {
        let steps: [StreamStep] = [.text("{\"n\": 1}\n{\"n\""), .pause(0.02), .text(": 2}\n")]
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: [TestHeader("Content-Type", "application/jsonl")]) }) { server in
            let log = Recorded<String>()
            let core = APIClientCore(baseURL: server.baseURL, transport: kind.make(), middlewares: [RecordingMiddleware(name: "a") { log.append($0) }])
            let response = try await core.jsonItems(Tick.self, framing: .lines, for: HTTPRequest(path: "/ticks"), operationID: "ticks", accept: "application/jsonl")
            #expect(log.values == ["a>", "<a"])
            #expect(response.headers["Content-Type"] == "application/jsonl")
            #expect(try await elements(of: response.body) == [Tick(n: 1), Tick(n: 2)])
            let recorded = try #require(server.requests.first)
            #expect(recorded.header("Accept") == "application/jsonl")
            #expect(recorded.header("X-Trace") == "a")
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aConnectionLostMidStreamIsATransportError(_ kind: TransportKind) async throws {
        let steps: [StreamStep] = [.text("data: 1\n\ndata: 2"), .pause(0.02), .abort]
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: StreamingTransportTests.eventStream) }) { server in
            let core = APIClientCore(baseURL: server.baseURL, transport: kind.make())
            let events = try await core.serverSentEvents(String.self, for: HTTPRequest(path: "/e"), operationID: "e").body
            var received: [String] = []
            let error = try await #require(throws: ClientError.self) {
                for try await event in events { received.append(event.data) }
            }
            #expect(error.kind == .transport)
            #expect(error.operationID == "e")
            #expect(received == ["1"])
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aStreamedErrorStatusThrowsTheDocumentedError(_ kind: TransportKind) async throws {
        try await withKilnTestServer(handler: { _ in .json(#"{"n": 9}"#, status: 503) }) { server in
            let core = APIClientCore(baseURL: server.baseURL, transport: kind.make())
            let error = try await #require(throws: APIError.self) {
                _ = try await core.serverSentEvents(String.self, for: HTTPRequest(path: "/e"), operationID: "e", errors: [.status(503, Tick.self)])
            }
            #expect(error.status == 503)
            #expect(error.decodedBody(as: Tick.self) == Tick(n: 9))
            #expect(server.requests.first?.header("Accept") == "text/event-stream")
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aChunkedDownloadLandsInTheFile(_ kind: TransportKind) async throws {
        let chunks = (0..<64).map { index in Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &+ index) }) }
        let steps = chunks.flatMap { [StreamStep.chunk($0), .pause(0.001)] }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-download-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: file) }
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: [TestHeader("Content-Type", "application/zip")]) }) { server in
            let core = APIClientCore(baseURL: server.baseURL, transport: kind.make())
            let response = try await core.download(for: HTTPRequest(path: "/export"), to: file, operationID: "export", accept: "application/zip")
            #expect(response.body == file)
            #expect(try Data(contentsOf: file) == chunks.reduce(Data(), +))
        }
    }

    /// The chunk sequence of binary responses buffers nothing of its own: a reader that waits holds the
    /// server back exactly as the transport's body does (AsyncHTTPClient pauses the socket on Linux too).
    @Test(.timeLimit(.minutes(1))) func aSlowChunkReaderHoldsBackTheServer() async throws {
        let chunk = Data(repeating: 0x62, count: 64 * 1024)
        let total = 64 * 1024 * 1024
        let steps = [StreamStep](repeating: .chunk(chunk), count: total / chunk.count)
        try await withKilnTestServer(handler: { _ in .streamed(steps) }) { server in
            let core = APIClientCore(baseURL: server.baseURL, transport: AsyncHTTPClientTransport())
            let chunks = try await core.byteChunks(for: HTTPRequest(path: "/big"), operationID: "big").body
            try await Task.sleep(for: .milliseconds(500))
            let sentWhileWaiting = server.bytesStreamed
            #expect(sentWhileWaiting < 24 * 1024 * 1024, "the server wrote \(sentWhileWaiting) bytes to a reader that read none")
            var received = 0
            for try await piece in chunks { received += piece.count }
            #expect(received == total)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aDownloadCutOffMidwayLeavesNoFile(_ kind: TransportKind) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-download-\(UUID().uuidString).bin")
        try await withKilnTestServer(handler: { _ in .streamed([.text("partial"), .pause(0.02), .abort]) }) { server in
            let core = APIClientCore(baseURL: server.baseURL, transport: kind.make())
            let error = try await #require(throws: ClientError.self) {
                _ = try await core.download(for: HTTPRequest(path: "/export"), to: file, operationID: "export")
            }
            #expect(error.kind == .transport)
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
    }
}
