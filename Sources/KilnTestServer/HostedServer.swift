import Foundation
import KilnRuntime
import KilnServer

/// A `ServerApplication` (a generated `…Server`) served on 127.0.0.1 for tests: `let server = try await
/// IServServer(handler: FakeIServ()).start()`, then `IServClient(baseURL: server.url)`; `stop()` at the end.
public final class HostedServer: Sendable {
    public let testServer: KilnTestServer

    init(_ testServer: KilnTestServer) {
        self.testServer = testServer
    }

    /// The test server's handler that answers as `application` does.
    static func handler(_ application: some ServerApplication) -> KilnTestServer.Handler {
        { request in
            var headers = HTTPFields()
            for header in request.headers { headers.append(name: header.name, value: header.value) }
            let response = await application.respond(
                to: ServerRequest(method: request.method, target: request.target, headers: headers, body: request.body))
            return TestResponse(
                status: response.status, headers: response.headers.map { TestHeader($0.name, $0.value) }, body: response.body)
        }
    }

    /// `http://127.0.0.1:<port>`.
    public var url: URL { testServer.baseURL }

    /// Every request received so far, as sent.
    public var requests: [RecordedRequest] { testServer.requests }

    public func stop() async { await testServer.stop() }
}

extension ServerApplication {
    /// Serves this application on an ephemeral loopback port until `stop()`.
    public func start() async throws -> HostedServer {
        HostedServer(try KilnTestServer(handler: HostedServer.handler(self)))
    }
}

/// Serves `application` on loopback for the duration of `body`, stopping it however `body` ends.
public func withHostedServer<Result>(
    _ application: some ServerApplication, _ body: (HostedServer) async throws -> Result
) async throws -> Result {
    try await withKilnTestServer(handler: HostedServer.handler(application)) { try await body(HostedServer($0)) }
}

/// What a handler received, for tests that compare it with what the client sent.
public final class Received<Value: Sendable>: Sendable {
    private let values = Locked<[Value]>([])

    public init() {}

    public func record(_ value: Value) {
        values.withLock { $0.append(value) }
    }

    /// Every value recorded, in order.
    public var all: [Value] { values.withLock { $0 } }
}
