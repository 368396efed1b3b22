import AsyncHTTPClient
import Foundation
import KilnAsyncHTTPClient
import KilnRuntime
import KilnTestServer
import NIOCore
import Testing

/// The configuration behind `AsyncHTTPClientTransport.sharedClient`: large adaptive reads, and a caller's own
/// connection initializer still run.
@Suite struct ClientConfigurationTests {
    /// What a connection's channel was set up with, seen from the caller's initializer (which runs after Kiln's).
    final class Seen: @unchecked Sendable {
        let lock = NSLock()
        var allocators: [any RecvByteBufferAllocator] = []
    }

    @Test(.timeLimit(.minutes(1))) func connectionsReadInPiecesOfUpToTheGivenSizeAndTheCallersInitializerStillRuns() async throws {
        let seen = Seen()
        var base = HTTPClient.Configuration()
        base.http1_1ConnectionDebugInitializer = { channel in
            channel.getOption(ChannelOptions.recvAllocator).map { allocator in
                seen.lock.withLock { seen.allocators.append(allocator) }
            }
        }
        let client = HTTPClient(configuration: AsyncHTTPClientTransport.clientConfiguration(base, readBufferSize: 512 << 10))
        do {
            try await withKilnTestServer(handler: { _ in .text("ok") }) { server in
                let response = try await APIClientCore(baseURL: server.baseURL, transport: AsyncHTTPClientTransport(client: client))
                    .send(HTTPRequest(path: "/x"), operationID: "x")
                #expect(response.body == Data("ok".utf8))
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
        let allocators = seen.lock.withLock { seen.allocators }
        #expect(allocators.count == 1)
        let adaptive = try #require(allocators.first as? AdaptiveRecvByteBufferAllocator)
        #expect(adaptive.maximum == 512 << 10)
        // A trickle (server-sent events) starts small and shrinks further; only full reads grow the buffer.
        #expect(adaptive.initial <= 64 << 10)
    }
}
