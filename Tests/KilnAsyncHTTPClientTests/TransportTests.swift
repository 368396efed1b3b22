import Foundation
import Testing
import KilnRuntime
import KilnTestServer

/// The buffered path (`send`) of every transport against KilnTestServer on 127.0.0.1.
@Suite struct TransportTests {
    @Test(arguments: TransportKind.allCases)
    func sendsPathQueryHeadersAndBodyVerbatim(_ kind: TransportKind) async throws {
        try await withKilnTestServer(handler: { _ in .json(#"{"ok":true}"#, status: 201, headers: [TestHeader("X-Reply", "yes")]) }) { server in
            var query = QueryItems()
            query.append("q", "a+b c/d")
            query.append(QueryItem(percentEncodedName: "color", percentEncodedValue: "blue,black"))
            let request = HTTPRequest(
                method: .post,
                path: "/groups/a%20b%2Fc",
                query: query,
                headers: ["Content-Type": "application/json", "Cookie": "session=abc", "X-Multi": "1", "X-Multi": "2"],
                body: Data(#"{"name":"x"}"#.utf8)
            )
            let response = try await kind.make().send(request, baseURL: server.baseURL)
            #expect(response.status == 201)
            #expect(response.headers["x-reply"] == "yes")
            #expect(response.body == Data(#"{"ok":true}"#.utf8))
            let recorded = try #require(server.requests.first)
            #expect(recorded.method == "POST")
            #expect(recorded.path == "/groups/a%20b%2Fc")
            #expect(recorded.query == "q=a%2Bb%20c%2Fd&color=blue,black")
            #expect(recorded.header("Cookie") == "session=abc")
            #expect(recorded.headers.values(for: "X-Multi").joined(separator: ",").replacingOccurrences(of: " ", with: "") == "1,2")
            #expect(recorded.bodyText == #"{"name":"x"}"#)
        }
    }

    @Test(arguments: TransportKind.allCases, [HTTPMethod.get, .put, .patch, .delete, .options])
    func sendsEveryMethod(_ kind: TransportKind, _ method: HTTPMethod) async throws {
        try await withKilnTestServer(handler: { request in .text(request.method) }) { server in
            let body: Data? = method == .get ? nil : Data("x".utf8)
            let response = try await kind.make().send(HTTPRequest(method: method, path: "/m", body: body), baseURL: server.baseURL)
            #expect(String(decoding: response.body, as: UTF8.self) == method.rawValue)
            #expect(server.requests.first?.body == (body ?? Data()))
        }
    }

    @Test(arguments: TransportKind.allCases)
    func errorStatusesAreResponsesNotErrors(_ kind: TransportKind) async throws {
        try await withKilnTestServer(handler: { _ in .text("nope", status: 503, headers: [TestHeader("Retry-After", "3")]) }) { server in
            let response = try await kind.make().send(HTTPRequest(path: "/"), baseURL: server.baseURL)
            #expect(response.status == 503)
            #expect(response.headers["retry-after"] == "3")
        }
    }

    @Test(arguments: TransportKind.allCases)
    func largeBinaryBodiesSurviveBothWays(_ kind: TransportKind) async throws {
        let payload = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try await withKilnTestServer(handler: { request in TestResponse(status: 200, body: request.body) }) { server in
            let request = HTTPRequest(method: .post, path: "/echo", headers: ["Content-Type": "application/octet-stream"], body: payload)
            let response = try await kind.make().send(request, baseURL: server.baseURL)
            #expect(response.body == payload)
            #expect(server.requests.first?.body == payload)
        }
    }

    // Without cancellation the handler waits for a release that never comes: fail within a minute instead.
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func cancellingTheTaskCancelsTheRequestInFlight(_ kind: TransportKind) async throws {
        let arrived = TestLatch(count: 1)
        let release = TestLatch(count: 1)
        try await withKilnTestServer(handler: { _ in
            await arrived.countDown()
            await release.wait()
            return .text("late")
        }) { server in
            let core = APIClientCore(baseURL: server.baseURL, transport: kind.make())
            let task = Task { try await core.send(HTTPRequest(path: "/slow"), operationID: "op") }
            await arrived.wait()
            task.cancel()
            let result = await task.result
            await release.countDown()
            #expect(throws: CancellationError.self) { try result.get() }
        }
    }
}
