import Foundation
import Testing
@testable import KilnRuntime
import KilnTestServer

/// `APIClientCore.byteChunks(for:)`, the chunk sequence of binary responses (`downloadChunks`): read as it
/// arrives, the status checked first, the request cancelled with the reader (over both transports' backpressure
/// in Tests/KilnAsyncHTTPClientTests).
@Suite struct ByteChunksTests {
    struct Problem: Codable, Equatable, Sendable {
        var title: String
    }

    @Test(.timeLimit(.minutes(1))) func aMultiMebibyteBodyArrivesByteExactInSeveralChunks() async throws {
        let pieces = (0..<64).map { index in Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }) }
        let steps = pieces.flatMap { [StreamStep.chunk($0), .pause(0.001)] }
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: [TestHeader("Content-Type", "application/zip")]) }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let response = try await core.byteChunks(for: HTTPRequest(path: "/export"), operationID: "export", accept: "application/zip")
            #expect(response.status == 200)
            #expect(response.headers["Content-Type"] == "application/zip")
            var received = Data()
            var chunkCount = 0
            for try await chunk in response.body {
                received.append(chunk)
                chunkCount += 1
            }
            #expect(received == pieces.reduce(Data(), +))
            #expect(chunkCount > 1)
            #expect(server.requests.first?.header("Accept") == "application/zip")
        }
    }

    @Test(.timeLimit(.minutes(1))) func anErrorStatusThrowsTheDocumentedErrorBeforeAnyChunk() async throws {
        try await withKilnTestServer(handler: { _ in .json(#"{"title": "no such export"}"#, status: 404) }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let error = try await #require(throws: APIError.self) {
                _ = try await core.byteChunks(for: HTTPRequest(path: "/export"), operationID: "export", errors: [.status(404, Problem.self)])
            }
            #expect(error.status == 404)
            #expect(error.decodedBody(as: Problem.self) == Problem(title: "no such export"))
        }
    }

    @Test(.timeLimit(.minutes(1))) func cancellingTheReaderMidStreamClosesTheConnection() async throws {
        let steps: [StreamStep] = [.chunk(Data(repeating: 1, count: 1000)), .pause(30), .chunk(Data(repeating: 2, count: 1000))]
        try await withKilnTestServer(handler: { _ in .streamed(steps) }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let received = Collector<Int>()
            let reader = Task {
                for try await chunk in try await core.byteChunks(for: HTTPRequest(path: "/export"), operationID: "export").body {
                    received.append(chunk.count)
                }
            }
            while received.values.reduce(0, +) < 1000 { try await Task.sleep(for: .milliseconds(10)) }
            reader.cancel()
            _ = await reader.result
            #expect(received.values.reduce(0, +) == 1000, "the reader got the chunk sent after the pause")
            #expect(await server.waitForStreamsClosedByClient(1, timeout: 20))
        }
    }

    @Test func aConnectionLostMidwayIsATransportError() async throws {
        try await withKilnTestServer(handler: { _ in .streamed([.text("partial"), .pause(0.02), .abort]) }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let chunks = try await core.byteChunks(for: HTTPRequest(path: "/export"), operationID: "export").body
            let error = try await #require(throws: ClientError.self) {
                for try await _ in chunks {}
            }
            #expect(error.kind == .transport)
            #expect(error.operationID == "export")
        }
    }
}
