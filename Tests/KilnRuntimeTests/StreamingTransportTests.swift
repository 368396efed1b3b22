import Foundation
import Testing
@testable import KilnRuntime
import KilnTestServer

/// URLSessionTransport's own streaming bounds; the streaming tests every transport must pass are in
/// Tests/KilnAsyncHTTPClientTests, run over URLSessionTransport and AsyncHTTPClientTransport.
@Suite struct URLSessionStreamingTests {
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
    @Test func transportsWithoutStreamingHandOutTheBufferedBody() async throws {
        let transport = ClosureTransport { _, _ in HTTPResponse(status: 200, body: Data("data: x\n\n".utf8)) }
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:9")!, transport: transport)
        let response = try await core.serverSentEvents(String.self, for: HTTPRequest(path: "/e"), operationID: "e")
        #expect(response.rawBody.isEmpty)
        #expect(try await collect(response.body) == [ServerSentEvent(data: "x")])
    }
}
