import Foundation
import Testing
@testable import KilnRuntime
import KilnTestServer

/// Sends one GET through a client with `middlewares` and returns what the server saw.
private func recordedRequest(through middlewares: [any ClientMiddleware], request: HTTPRequest = HTTPRequest(path: "/api"), operationID: String = "op") async throws -> RecordedRequest {
    try await withKilnTestServer(handler: { _ in .text("ok") }) { server in
        let core = APIClientCore(baseURL: server.baseURL, middlewares: middlewares)
        _ = try await core.send(request, operationID: operationID)
        return try #require(server.requests.first)
    }
}

@Suite struct StaticAuthMiddlewareTests {
    @Test func bearerWithFixedToken() async throws {
        let request = try await recordedRequest(through: [BearerTokenMiddleware(token: "abc")])
        #expect(request.header("Authorization") == "Bearer abc")
    }

    @Test func bearerAsksTheProviderForEveryRequest() async throws {
        let calls = Counter()
        let middleware = BearerTokenMiddleware { "t\(calls.increment())" }
        try await withKilnTestServer(handler: { _ in .text("ok") }) { server in
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [middleware])
            _ = try await core.send(HTTPRequest(path: "/1"), operationID: "op")
            _ = try await core.send(HTTPRequest(path: "/2"), operationID: "op")
            #expect(server.requests.map { $0.header("authorization") } == ["Bearer t1", "Bearer t2"])
        }
    }

    @Test func basicAuthEncodesUTF8Credentials() async throws {
        let request = try await recordedRequest(through: [BasicAuthMiddleware(username: "user", password: "päss")])
        #expect(request.header("Authorization") == "Basic dXNlcjpww6Rzcw==")
    }

    @Test func apiKeyInHeader() async throws {
        let request = try await recordedRequest(through: [APIKeyMiddleware(name: "X-API-Key", value: "k 1", location: .header)])
        #expect(request.header("x-api-key") == "k 1")
    }

    @Test func apiKeyInQueryIsEncoded() async throws {
        let request = try await recordedRequest(through: [APIKeyMiddleware(name: "api_key", value: "a+b", location: .query)], request: HTTPRequest(path: "/api", query: ["page": "1"]))
        #expect(request.query == "page=1&api_key=a%2Bb")
    }

    @Test func apiKeyInCookieJoinsExistingCookies() async throws {
        let request = try await recordedRequest(
            through: [APIKeyMiddleware(name: "session", value: "s;1", location: .cookie)],
            request: HTTPRequest(path: "/api", headers: ["Cookie": "theme=dark"])
        )
        #expect(request.header("Cookie") == "theme=dark; session=s%3B1")
    }
}

@Suite struct OAuth2ClientCredentialsTests {
    /// Routes `/token` to a token endpoint issuing `token-1`, `token-2`, … and everything else to `api`.
    struct Endpoints: Sendable {
        let issued = Counter()
        var expiresIn = "3600"
        var tokenStatus = 200
        var gate: Gate?
        var api: @Sendable (RecordedRequest) async -> TestResponse = { _ in .text("ok") }

        func handle(_ request: RecordedRequest) async -> TestResponse {
            guard request.path == "/token" else { return await api(request) }
            await gate?.wait()
            guard tokenStatus == 200 else { return .json(#"{"error":"invalid_client"}"#, status: tokenStatus) }
            return .json(#"{"access_token":"token-\#(issued.increment())","token_type":"Bearer","expires_in":\#(expiresIn)}"#)
        }
    }

    private func credentials(_ server: KilnTestServer, clock: TestClock = TestClock(), authentication: OAuth2ClientCredentials.ClientAuthentication = .requestBody) -> OAuth2ClientCredentials {
        OAuth2ClientCredentials(
            tokenURL: server.baseURL.appendingPathComponent("token"),
            clientID: "my client",
            clientSecret: "s+cret/=",
            scope: "read write",
            authentication: authentication,
            refreshMargin: 30,
            now: { clock.now }
        )
    }

    @Test func postsTheClientCredentialsGrantAsAForm() async throws {
        let endpoints = Endpoints()
        try await withKilnTestServer(handler: endpoints.handle) { server in
            let token = try await credentials(server).accessToken()
            #expect(token == "token-1")
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.path == "/token")
            #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(request.header("Accept") == "application/json")
            #expect(request.bodyText == "grant_type=client_credentials&client_id=my+client&client_secret=s%2Bcret%2F%3D&scope=read+write")
            #expect(request.header("Authorization") == nil)
        }
    }

    @Test func basicClientAuthenticationKeepsTheSecretOutOfTheBody() async throws {
        let endpoints = Endpoints()
        try await withKilnTestServer(handler: endpoints.handle) { server in
            _ = try await credentials(server, authentication: .basicHeader).accessToken()
            let request = try #require(server.requests.first)
            #expect(request.bodyText == "grant_type=client_credentials&scope=read+write")
            #expect(request.header("Authorization") == "Basic " + Data("my+client:s%2Bcret%2F%3D".utf8).base64EncodedString())
        }
    }

    @Test func cachesUntilShortlyBeforeExpiry() async throws {
        var endpoints = Endpoints()
        endpoints.expiresIn = "\"100\""
        let clock = TestClock()
        try await withKilnTestServer(handler: endpoints.handle) { server in
            let provider = credentials(server, clock: clock)
            var tokens = [try await provider.accessToken()]
            clock.advance(by: 69)
            tokens.append(try await provider.accessToken())
            clock.advance(by: 1)
            tokens.append(try await provider.accessToken())
            tokens.append(try await provider.accessToken())
            await provider.invalidate()
            tokens.append(try await provider.accessToken())
            #expect(tokens == ["token-1", "token-1", "token-2", "token-2", "token-3"])
            #expect(server.requests.count == 3)
        }
    }

    // The wait for ten callers spins forever if they stop queueing: fail within a minute instead.
    @Test(.timeLimit(.minutes(1))) func concurrentCallersShareOneRefresh() async throws {
        var endpoints = Endpoints()
        let gate = Gate()
        endpoints.gate = gate
        try await withKilnTestServer(handler: endpoints.handle) { server in
            let provider = credentials(server)
            let tokens = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await provider.accessToken() }
                }
                // Release the token endpoint only once all ten callers are waiting for it.
                while await provider.waitingCallers < 10 { await Task.yield() }
                await gate.open()
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(tokens == Array(repeating: "token-1", count: 10))
            #expect(server.requests.filter { $0.path == "/token" }.count == 1)
        }
    }

    @Test func middlewareRetriesOnceWithAFreshTokenAfter401() async throws {
        var endpoints = Endpoints()
        endpoints.api = { request in
            request.header("Authorization") == "Bearer token-2" ? .text("welcome") : .status(401)
        }
        try await withKilnTestServer(handler: endpoints.handle) { server in
            let provider = credentials(server)
            _ = try await provider.accessToken() // caches token-1, which the API now rejects
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [OAuth2Middleware(provider: provider)])
            let response = try await core.send(HTTPRequest(path: "/api"), operationID: "op")
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "welcome")
            #expect(server.requests.map(\.path) == ["/token", "/api", "/token", "/api"])
        }
    }

    @Test func middlewareGivesUpAfterOneRetry() async throws {
        var endpoints = Endpoints()
        endpoints.api = { _ in .status(401) }
        try await withKilnTestServer(handler: endpoints.handle) { server in
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [OAuth2Middleware(provider: credentials(server))])
            let response = try await core.send(HTTPRequest(path: "/api"), operationID: "op")
            #expect(response.status == 401)
            #expect(server.requests.filter { $0.path == "/api" }.map { $0.header("Authorization") } == ["Bearer token-1", "Bearer token-2"])
        }
    }

    @Test func refusedTokenRequestIsAnAuthenticationError() async throws {
        var endpoints = Endpoints()
        endpoints.tokenStatus = 401
        try await withKilnTestServer(handler: endpoints.handle) { server in
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [OAuth2Middleware(provider: credentials(server))])
            let error = await #expect(throws: ClientError.self) { try await core.send(HTTPRequest(path: "/api"), operationID: "op") }
            #expect(error?.kind == .authentication)
            #expect((error?.underlyingError as? OAuth2Error)?.status == 401)
            #expect(error?.description.contains("s+cret") == false)
            #expect(server.requests.allSatisfy { $0.path == "/token" })
        }
    }
}

@Suite struct SessionTokenTests {
    @Test func sendsNothingUntilLoggedInThenABearerHeader() async throws {
        let store = SessionTokenStore()
        try await withKilnTestServer(handler: { _ in .text("ok") }) { server in
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [SessionTokenMiddleware(store: store, placement: .bearerHeader)])
            _ = try await core.send(HTTPRequest(path: "/login"), operationID: "login")
            await store.setToken("sess-1")
            _ = try await core.send(HTTPRequest(path: "/me"), operationID: "me")
            await store.clear()
            _ = try await core.send(HTTPRequest(path: "/me"), operationID: "me")
            #expect(server.requests.map { $0.header("Authorization") } == [nil, "Bearer sess-1", nil])
        }
    }

    @Test func customHeaderAndQueryPlacements() async throws {
        let store = SessionTokenStore(token: "a+b")
        let header = try await recordedRequest(through: [SessionTokenMiddleware(store: store, placement: .header("X-Session"))])
        #expect(header.header("X-Session") == "a+b")
        let query = try await recordedRequest(through: [SessionTokenMiddleware(store: store, placement: .queryItem("sid"))])
        #expect(query.query == "sid=a%2Bb")
    }

    @Test func jsonBodyFieldIsInsertedWithoutTouchingTheRest() async throws {
        let store = SessionTokenStore(token: "k\"md/1")
        let middleware = SessionTokenMiddleware(store: store, placement: .jsonBodyField("kmd"))
        let withBody = try await recordedRequest(through: [middleware], request: HTTPRequest(method: .post, path: "/action", headers: ["Content-Type": "application/json"], body: Data(#" {"b":2,"a":1.50}"#.utf8)))
        #expect(withBody.bodyText == #" {"kmd":"k\"md/1","b":2,"a":1.50}"#)
        let empty = try await recordedRequest(through: [middleware], request: HTTPRequest(method: .post, path: "/action", body: Data("{ }".utf8)))
        #expect(empty.bodyText == #"{"kmd":"k\"md/1" }"#)
        let none = try await recordedRequest(through: [middleware], request: HTTPRequest(method: .post, path: "/action"))
        #expect(none.bodyText == #"{"kmd":"k\"md/1"}"#)
        #expect(none.header("Content-Type") == "application/json")
        let explicit = try await recordedRequest(through: [middleware], request: HTTPRequest(method: .post, path: "/action", body: Data(#"{"kmd":"mine"}"#.utf8)))
        #expect(explicit.bodyText == #"{"kmd":"mine"}"#)
    }

    @Test func nonObjectBodiesAreRejected() async throws {
        let middleware = SessionTokenMiddleware(store: SessionTokenStore(token: "t"), placement: .jsonBodyField("kmd"))
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1")!, transport: ClosureTransport { _, _ in HTTPResponse(status: 200) }, middlewares: [middleware])
        let error = await #expect(throws: ClientError.self) {
            try await core.send(HTTPRequest(method: .post, path: "/", body: Data("[1]".utf8)), operationID: "op")
        }
        #expect(error?.underlyingError is JSONBodyField.NotAJSONObject)
    }

    @Test func excludedOperationsAndClearingOnUnauthorized() async throws {
        let store = SessionTokenStore(token: "old")
        let middleware = SessionTokenMiddleware(store: store, placement: .bearerHeader, excludedOperationIDs: ["login"], clearOnUnauthorized: true)
        try await withKilnTestServer(handler: { request in request.path == "/expired" ? .status(401) : .text("ok") }) { server in
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [middleware])
            _ = try await core.send(HTTPRequest(path: "/login"), operationID: "login")
            #expect(server.requests.last?.header("Authorization") == nil)
            _ = try await core.send(HTTPRequest(path: "/expired"), operationID: "me")
            #expect(server.requests.last?.header("Authorization") == "Bearer old")
            #expect(await store.token == nil)
        }
        await store.setToken("new")
        await store.clear(ifCurrent: "old")
        #expect(await store.token == "new")
    }
}
