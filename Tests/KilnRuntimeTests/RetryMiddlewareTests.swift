import Foundation
import Testing
import KilnRuntime
import KilnTestServer

@Suite struct RetryMiddlewareTests {
    /// A transport that answers with `statuses` in turn (the last one repeats) and counts attempts.
    final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
        let attempts = Counter()
        private let script: @Sendable (Int) throws -> HTTPResponse

        init(statuses: [Int], headers: HTTPFields = [:]) {
            script = { attempt in HTTPResponse(status: statuses[min(attempt, statuses.count) - 1], headers: headers) }
        }

        init(_ script: @escaping @Sendable (Int) throws -> HTTPResponse) {
            self.script = script
        }

        func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
            try script(attempts.increment())
        }
    }

    /// Records requested delays instead of sleeping.
    final class SleepRecorder: @unchecked Sendable {
        let delays = Collector<TimeInterval>()
        var sleep: @Sendable (TimeInterval) async throws -> Void {
            { [delays] in delays.append($0) }
        }
    }

    private func client(_ transport: any HTTPTransport, policy: RetryMiddleware.Policy = .init(), sleeper: SleepRecorder, now: Date = Date(timeIntervalSince1970: 0)) -> APIClientCore {
        let retry = RetryMiddleware(policy: policy, random: { $0.upperBound }, sleep: sleeper.sleep, now: { now })
        return APIClientCore(baseURL: URL(string: "http://127.0.0.1:1")!, transport: transport, middlewares: [retry])
    }

    @Test(arguments: [429, 502, 503, 504])
    func retriesTransientStatusesWithExponentialBackoff(_ status: Int) async throws {
        let transport = ScriptedTransport(statuses: [status, status, 200])
        let sleeper = SleepRecorder()
        let response = try await client(transport, sleeper: sleeper).send(HTTPRequest(path: "/"), operationID: "op")
        #expect(response.status == 200)
        #expect(transport.attempts.current == 3)
        #expect(sleeper.delays.values == [0.5, 1.0])
    }

    @Test func jitterStaysWithinTheUpperHalfOfTheBackoff() async throws {
        let ranges = Collector<ClosedRange<Double>>()
        let retry = RetryMiddleware(policy: .init(maxAttempts: 4, baseDelay: 1, multiplier: 3, maxDelay: 5), random: { range in
            ranges.append(range)
            return range.lowerBound
        }, sleep: { _ in })
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1")!, transport: ScriptedTransport(statuses: [503]), middlewares: [retry])
        _ = try await core.send(HTTPRequest(path: "/"), operationID: "op")
        #expect(ranges.values == [0.5...1, 1.5...3, 2.5...5])
    }

    @Test func givesUpAfterMaxAttemptsAndReturnsTheLastResponse() async throws {
        let transport = ScriptedTransport(statuses: [503])
        let sleeper = SleepRecorder()
        let response = try await client(transport, policy: .init(maxAttempts: 4), sleeper: sleeper).send(HTTPRequest(path: "/"), operationID: "op")
        #expect(response.status == 503)
        #expect(transport.attempts.current == 4)
        #expect(sleeper.delays.values.count == 3)
    }

    @Test(arguments: [400, 401, 404, 500, 501])
    func otherStatusesAreNotRetried(_ status: Int) async throws {
        let transport = ScriptedTransport(statuses: [status, 200])
        let response = try await client(transport, sleeper: SleepRecorder()).send(HTTPRequest(path: "/"), operationID: "op")
        #expect(response.status == status)
        #expect(transport.attempts.current == 1)
    }

    @Test(arguments: [HTTPMethod.get, .head, .put, .delete, .options])
    func idempotentMethodsAreRetried(_ method: HTTPMethod) async throws {
        let transport = ScriptedTransport(statuses: [503, 200])
        _ = try await client(transport, sleeper: SleepRecorder()).send(HTTPRequest(method: method, path: "/"), operationID: "op")
        #expect(transport.attempts.current == 2)
    }

    @Test(arguments: [HTTPMethod.post, .patch])
    func nonIdempotentMethodsOnlyWhenOptedIn(_ method: HTTPMethod) async throws {
        let plain = ScriptedTransport(statuses: [503, 200])
        let first = try await client(plain, sleeper: SleepRecorder()).send(HTTPRequest(method: method, path: "/"), operationID: "op")
        #expect(first.status == 503)
        #expect(plain.attempts.current == 1)
        let optedIn = ScriptedTransport(statuses: [503, 200])
        let second = try await client(optedIn, policy: .init(retriesNonIdempotentMethods: true), sleeper: SleepRecorder()).send(HTTPRequest(method: method, path: "/"), operationID: "op")
        #expect(second.status == 200)
        #expect(optedIn.attempts.current == 2)
    }

    @Test func honoursRetryAfterSeconds() async throws {
        let sleeper = SleepRecorder()
        _ = try await client(ScriptedTransport(statuses: [429, 200], headers: ["Retry-After": "7"]), sleeper: sleeper).send(HTTPRequest(path: "/"), operationID: "op")
        #expect(sleeper.delays.values == [7])
    }

    @Test func honoursRetryAfterHTTPDate() async throws {
        let now = Date(timeIntervalSince1970: 784_111_765)
        let sleeper = SleepRecorder()
        let transport = ScriptedTransport(statuses: [503, 200], headers: ["Retry-After": "Sun, 06 Nov 1994 08:49:37 GMT"])
        _ = try await client(transport, sleeper: sleeper, now: now).send(HTTPRequest(path: "/"), operationID: "op")
        #expect(sleeper.delays.values == [12])
    }

    @Test func doesNotWaitForAnExcessiveRetryAfter() async throws {
        let sleeper = SleepRecorder()
        let transport = ScriptedTransport(statuses: [503, 200], headers: ["Retry-After": "3600"])
        let response = try await client(transport, sleeper: sleeper).send(HTTPRequest(path: "/"), operationID: "op")
        #expect(response.status == 503)
        #expect(sleeper.delays.values.isEmpty)
    }

    @Test func parsesRetryAfterValues() {
        let now = Date(timeIntervalSince1970: 784_111_777)
        #expect(RetryMiddleware.retryAfterDelay(" 120 ", now: now) == 120)
        #expect(RetryMiddleware.retryAfterDelay("-1", now: now) == nil)
        #expect(RetryMiddleware.retryAfterDelay("soon", now: now) == nil)
        #expect(RetryMiddleware.retryAfterDelay("Sun, 06 Nov 1994 08:49:30 GMT", now: now) == 0)
    }

    @Test func retriesTransientNetworkErrors() async throws {
        let transport = ScriptedTransport { attempt in
            if attempt == 1 { throw URLError(.networkConnectionLost) }
            return HTTPResponse(status: 200)
        }
        let response = try await client(transport, sleeper: SleepRecorder()).send(HTTPRequest(path: "/"), operationID: "op")
        #expect(response.status == 200)
        #expect(transport.attempts.current == 2)
    }

    @Test func permanentErrorsAreThrownAtOnce() async throws {
        let transport = ScriptedTransport { _ in throw URLError(.badURL) }
        let error = await #expect(throws: ClientError.self) {
            try await client(transport, sleeper: SleepRecorder()).send(HTTPRequest(path: "/"), operationID: "op")
        }
        #expect((error?.underlyingError as? URLError)?.code == .badURL)
        #expect(transport.attempts.current == 1)
    }

    @Test func retriesRefusedConnectionsToAStoppedServer() async throws {
        let refusing = RefusingPort()
        let baseURL = refusing.baseURL
        let attempts = Counter()
        let real = URLSessionTransport()
        let counting = ClosureTransport { request, url in
            attempts.increment()
            return try await real.send(request, baseURL: url)
        }
        let core = APIClientCore(baseURL: baseURL, transport: counting, middlewares: [RetryMiddleware(sleep: { _ in })])
        let error = await #expect(throws: ClientError.self) { try await core.send(HTTPRequest(path: "/"), operationID: "op") }
        #expect(error?.kind == .transport)
        #expect(attempts.current == 3)
        #expect(refusing.port > 0)
    }

    @Test func retriesAgainstTheTestServer() async throws {
        let calls = Counter()
        try await withKilnTestServer(handler: { _ in
            calls.increment() < 3 ? .text("busy", status: 503, headers: [TestHeader("Retry-After", "1")]) : .text("done")
        }) { server in
            let sleeper = SleepRecorder()
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [RetryMiddleware(sleep: sleeper.sleep)])
            let response = try await core.send(HTTPRequest(path: "/work"), operationID: "op")
            #expect(String(decoding: response.body, as: UTF8.self) == "done")
            #expect(server.requests.count == 3)
            #expect(sleeper.delays.values == [1, 1])
        }
    }

    @Test func honoursAnHTTPDateRetryAfterFromTheTestServer() async throws {
        let now = Date(timeIntervalSince1970: 784_111_765)  // 12 s before the date the server names
        let calls = Counter()
        try await withKilnTestServer(handler: { _ in
            calls.increment() == 1
                ? .text("busy", status: 429, headers: [TestHeader("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")]) : .text("done")
        }) { server in
            let sleeper = SleepRecorder()
            let retry = RetryMiddleware(sleep: sleeper.sleep, now: { now })
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [retry])
            let response = try await core.send(HTTPRequest(path: "/work"), operationID: "op")
            #expect(String(decoding: response.body, as: UTF8.self) == "done")
            #expect(server.requests.count == 2)
            #expect(sleeper.delays.values == [12])
        }
    }

    @Test func cancellationDuringBackoffStopsAtOnce() async throws {
        let transport = ScriptedTransport(statuses: [503])
        let retry = RetryMiddleware(sleep: { _ in
            withUnsafeCurrentTask { $0?.cancel() }
        })
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1")!, transport: transport, middlewares: [retry])
        await #expect(throws: CancellationError.self) { try await core.send(HTTPRequest(path: "/"), operationID: "op") }
        #expect(transport.attempts.current == 1)
    }

    // A regression would sleep for the full hour: fail within a minute instead.
    @Test(.timeLimit(.minutes(1))) func cancellingTheTaskInterruptsTheRealSleep() async throws {
        let firstAttempt = Gate()
        let attempts = Counter()
        let transport = ClosureTransport { _, _ in
            attempts.increment()
            await firstAttempt.open()
            return HTTPResponse(status: 503)
        }
        // A one-hour backoff: the test only finishes because cancellation interrupts it.
        let retry = RetryMiddleware(policy: .init(baseDelay: 3600, maxDelay: 3600), random: { $0.upperBound })
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1")!, transport: transport, middlewares: [retry])
        let task = Task { try await core.send(HTTPRequest(path: "/"), operationID: "op") }
        await firstAttempt.wait()
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(attempts.current == 1)
    }
}
