import Foundation
import Hummingbird

/// Runs a Hummingbird application over `router` on 127.0.0.1 (an ephemeral port, read back once it is
/// bound), calls `body` with its base URL and stops it by cancellation, also when `body` throws. The load
/// benchmark (Tests/Benchmarks/ServerLoad) and the downstream app's test (Tests/Downstream) link this file too.
@available(macOS 14, iOS 17, tvOS 17, *)
func withHummingbird<T: Sendable>(
    _ router: Router<BasicRequestContext>, _ body: @Sendable (URL) async throws -> T
) async throws -> T {
    let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            portSink.yield(channel.localAddress?.port ?? 0)
            portSink.finish()
        })
    let server = Task {
        defer { portSink.finish() }  // a failed bind ends the wait below instead of hanging it
        try await app.run()
    }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next(), port > 0 else {
        server.cancel()
        try await server.value
        throw HummingbirdHostError.notListening
    }
    let result: Result<T, any Error>
    do { result = .success(try await body(URL(string: "http://127.0.0.1:\(port)")!)) } catch { result = .failure(error) }
    server.cancel()
    _ = await server.result
    return try result.get()
}

enum HummingbirdHostError: Error { case notListening }
