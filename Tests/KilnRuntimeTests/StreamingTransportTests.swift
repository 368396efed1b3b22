import Foundation
import Testing
@testable import KilnRuntime
import KilnTestServer

/// The streaming path against KilnTestServer on 127.0.0.1, sending `Transfer-Encoding: chunked` bodies.
@Suite struct URLSessionStreamingTests {
    static let eventStream = [TestHeader("Content-Type", "text/event-stream")]

    @Test(.timeLimit(.minutes(1))) func eventsArriveInChunksSplitInsideEvents() async throws {
        let expected = (0..<300).map { ServerSentEvent(data: "event \($0)\nsecond line", id: "\($0)") }
        let text = expected.map { "id: \($0.id!)\r\ndata: \($0.data.replacingOccurrences(of: "\n", with: "\ndata: "))\r\n\r\n" }.joined()
        var generator = SeededGenerator(seed: 3)
        let chunks = randomChunks(Array(text.utf8), maxChunk: 700, using: &generator)
        let steps = chunks.enumerated().flatMap { index, chunk in index % 10 == 0 ? [.chunk(chunk), .pause(0.005)] : [StreamStep.chunk(chunk)] }
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: Self.eventStream) }) { server in
            let (head, body) = try await URLSessionTransport().stream(HTTPRequest(path: "/events"), baseURL: server.baseURL)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.mediaType == "text/event-stream")
            let events = try await collect(ServerSentEventStream<String>(body, operationID: "events"))
            #expect(events == expected)
        }
    }

    @Test(.timeLimit(.minutes(1))) func cancellingTheReaderClosesTheConnection() async throws {
        let steps: [StreamStep] = [.text("data: 1\n\ndata: 2\n\n"), .pause(30), .text("data: 3\n\n")]
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: Self.eventStream) }) { server in
            let received = Collector<String>()
            let reader = Task {
                let (_, body) = try await URLSessionTransport().stream(HTTPRequest(path: "/events"), baseURL: server.baseURL)
                for try await event in ServerSentEventStream<String>(body, operationID: "events") { received.append(event.data) }
            }
            while received.values.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
            reader.cancel()
            _ = await reader.result
            #expect(await server.waitForStreamsClosedByClient(1, timeout: 20))
            #expect(received.values == ["1", "2"])
        }
    }

    @Test(.timeLimit(.minutes(1))) func leavingTheLoopEarlyClosesTheConnection() async throws {
        let steps: [StreamStep] = [.text("data: 1\n\n"), .pause(30)]
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: Self.eventStream) }) { server in
            let (_, body) = try await URLSessionTransport().stream(HTTPRequest(path: "/events"), baseURL: server.baseURL)
            for try await event in ServerSentEventStream<String>(body, operationID: "events") {
                #expect(event.data == "1")
                break
            }
            #expect(await server.waitForStreamsClosedByClient(1, timeout: 20))
        }
    }

    @Test(.timeLimit(.minutes(1))) func aServerStoppingMidEventFailsWithoutDispatchingIt() async throws {
        let steps: [StreamStep] = [.text("data: whole\n\nda"), .pause(0.05), .text("ta: partial\n"), .abort]
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: Self.eventStream) }) { server in
            let (_, body) = try await URLSessionTransport().stream(HTTPRequest(path: "/events"), baseURL: server.baseURL)
            var events: [String] = []
            await #expect(throws: (any Error).self) {
                for try await event in ServerSentEventStream<String>(body, operationID: "events") { events.append(event.data) }
            }
            #expect(events == ["whole"])
        }
    }

    @Test(.timeLimit(.minutes(1))) func aReaderThatFallsBehindIsBoundedByTheCeiling() async throws {
        let chunk = Data(repeating: 0x61, count: 64 * 1024)
        let total = 48 * 1024 * 1024
        let steps = [StreamStep](repeating: .chunk(chunk), count: total / chunk.count)
        try await withKilnTestServer(handler: { _ in .streamed(steps) }) { server in
            let ceiling = 4 * 1024 * 1024
            let transport = URLSessionTransport(configuration: .init(streamBufferLimit: 256 * 1024, streamBufferCeiling: ceiling))
            let (_, body, state) = try await transport.startStream(HTTPRequest(path: "/big"), baseURL: server.baseURL)
            // Unpaused, loopback delivers all 48 MiB while the reader sleeps.
            try await Task.sleep(for: .milliseconds(500))
            var received = 0
            do {
                for try await piece in body { received += piece.count }
                // Where suspending stops delivery (Darwin), the whole body arrives.
                #expect(received == total)
                #if canImport(FoundationNetworking)
                Issue.record("FoundationNetworking now pauses suspended tasks: update StreamedTask's documentation")
                #endif
            } catch {
                #expect(error is StreamBacklogError)
                #expect(received <= ceiling)
            }
            #expect(state.peakBuffered <= ceiling, "peak backlog \(state.peakBuffered) bytes")
        }
    }
}

@Suite struct StreamedCallTests {
    struct Tick: Codable, Equatable, Sendable {
        var n: Int
    }

    @Test(.timeLimit(.minutes(1))) func middlewaresSeeTheHeadAndItemsDecode() async throws {
        let steps: [StreamStep] = [.text("{\"n\": 1}\n{\"n\""), .pause(0.02), .text(": 2}\n")]
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: [TestHeader("Content-Type", "application/jsonl")]) }) { server in
            let log = Collector<String>()
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [RecordingMiddleware(name: "a", log: log)])
            let response = try await core.jsonItems(Tick.self, framing: .lines, for: HTTPRequest(path: "/ticks"), operationID: "ticks", accept: "application/jsonl")
            #expect(log.values == ["a>", "<a"])
            #expect(response.headers["Content-Type"] == "application/jsonl")
            #expect(try await collect(response.body) == [Tick(n: 1), Tick(n: 2)])
            let recorded = try #require(server.requests.first)
            #expect(recorded.header("Accept") == "application/jsonl")
            #expect(recorded.header("X-Trace") == "a")
        }
    }

    @Test(.timeLimit(.minutes(1))) func aConnectionLostMidStreamIsATransportError() async throws {
        let steps: [StreamStep] = [.text("data: 1\n\ndata: 2"), .pause(0.02), .abort]
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: URLSessionStreamingTests.eventStream) }) { server in
            let events = try await APIClientCore(baseURL: server.baseURL).serverSentEvents(String.self, for: HTTPRequest(path: "/e"), operationID: "e").body
            var received: [String] = []
            let error = try await #require(throws: ClientError.self) {
                for try await event in events { received.append(event.data) }
            }
            #expect(error.kind == .transport)
            #expect(error.operationID == "e")
            #expect(received == ["1"])
        }
    }

    @Test(.timeLimit(.minutes(1))) func aStreamedErrorStatusThrowsTheDocumentedError() async throws {
        try await withKilnTestServer(handler: { _ in .json(#"{"n": 9}"#, status: 503) }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let error = try await #require(throws: APIError.self) {
                _ = try await core.serverSentEvents(String.self, for: HTTPRequest(path: "/e"), operationID: "e", errors: [.status(503, Tick.self)])
            }
            #expect(error.status == 503)
            #expect(error.decodedBody(as: Tick.self) == Tick(n: 9))
            #expect(server.requests.first?.header("Accept") == "text/event-stream")
        }
    }

    @Test func transportsWithoutStreamingHandOutTheBufferedBody() async throws {
        let transport = ClosureTransport { _, _ in HTTPResponse(status: 200, body: Data("data: x\n\n".utf8)) }
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:9")!, transport: transport)
        let response = try await core.serverSentEvents(String.self, for: HTTPRequest(path: "/e"), operationID: "e")
        #expect(response.rawBody.isEmpty)
        #expect(try await collect(response.body) == [ServerSentEvent(data: "x")])
    }
}
