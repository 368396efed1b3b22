import Foundation
import Testing
@testable import KilnRuntime
import KilnTestServer

/// URLSessionTransport's own streaming bounds; the streaming tests every transport must pass are in
/// Tests/KilnAsyncHTTPClientTests, run over URLSessionTransport and AsyncHTTPClientTransport.
@Suite struct URLSessionStreamingTests {
    @Test(.timeLimit(.minutes(1))) func aReaderThatFallsBehindGetsEveryByteInOrderWithMemoryUnderTheCeiling() async throws {
        // Each chunk is filled with its own index, so a refill from the spool out of order shows.
        let chunkSize = 64 * 1024
        let count = 768  // 48 MiB
        let steps = (0..<count).map { StreamStep.chunk(Data(repeating: UInt8($0 % 251), count: chunkSize)) }
        try await withKilnTestServer(handler: { _ in .streamed(steps) }) { server in
            let ceiling = 4 * 1024 * 1024
            let transport = URLSessionTransport(configuration: .init(streamBufferLimit: 256 * 1024, streamBufferCeiling: ceiling))
            let (_, body, state) = try await transport.startStream(HTTPRequest(path: "/big"), baseURL: server.baseURL)
            // Unpaused (FoundationNetworking), loopback delivers all 48 MiB while the reader sleeps.
            try await Task.sleep(for: .milliseconds(500))
            var offset = 0
            var misplaced: Int?
            for try await piece in body {
                for (index, byte) in piece.enumerated() where misplaced == nil && byte != UInt8(((offset + index) / chunkSize) % 251) {
                    misplaced = offset + index
                }
                offset += piece.count
            }
            #expect(offset == count * chunkSize)
            #expect(misplaced == nil, "byte \(misplaced ?? 0) arrived out of order")
            #expect(state.peakBuffered <= ceiling, "peak backlog \(state.peakBuffered) bytes")
            #if canImport(FoundationNetworking)
            // Where suspending does not stop delivery, the backlog beyond the ceiling went through the file.
            #expect(state.spooledBytes > 0)
            #endif
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
