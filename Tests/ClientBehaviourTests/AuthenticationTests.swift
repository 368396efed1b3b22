import Foundation
import IServ
import IntrexxAdmin
import KilnRuntime
import KilnTestServer
import PEIQUsers
import PrimedocsAdmin
import Testing

/// Authentication as the generated clients offer it: factories from `securitySchemes`, and the Intrexx
/// login (`x-kiln-login`) whose token later calls send. Token caching and refresh details are proved
/// in KilnRuntimeTests; here the specs' declarations are shown to reach the wire.
@Suite struct AuthenticationTests {
    @Test func intrexxLoginStoresTheTokenForLaterCallsAndForgetsItOn401() async throws {
        try await withKilnTestServer(handler: { request in
            switch request.path {
            case "/auth": return .json(#"{"token":"iaa-token"}"#)
            case "/portals" where request.header("Authorization") == "Bearer iaa-token":
                return .json(#"[{"id":"p1","name":"portal"}]"#)
            default: return .status(401)
            }
        }) { server in
            let intrexx = IntrexxClient(baseURL: server.baseURL)
            let response = try await intrexx.auth.authenticate(AuthRequest(username: "admin", password: "s3cr3t"))
            #expect(response.token == "iaa-token")
            #expect(await intrexx.session.token == "iaa-token")
            let portals = try await intrexx.portals.list()
            #expect(portals.count == 1)
            #expect(server.requests[0].header("Authorization") == nil, "the login itself carries no token")

            // An expired token: the server says 401, the error reaches the caller, the token is gone.
            await intrexx.session.setToken("expired")
            let error = await #expect(throws: APIError.self) { try await intrexx.portals.list() }
            #expect(error?.code == .unauthorized)
            #expect(await intrexx.session.token == nil)
        }
    }

    @Test func schemeFactoriesLeaveOutOperationsWhoseSecurityExcludesThem() async throws {
        try await withKilnTestServer(handler: { request in
            request.path == "/auth" ? .json(#"{"token":"fresh"}"#) : .json(#"[]"#)
        }) { server in
            // A fixed token from elsewhere, given as the scheme's middleware: POST /auth has `security: []`.
            let intrexx = IntrexxClient(baseURL: server.baseURL, middlewares: [IntrexxClient.intrexxToken(token: "kept")])
            _ = try await intrexx.auth.authenticate(AuthRequest(username: "admin", password: "s3cr3t"))
            await intrexx.session.setToken(nil)
            _ = try await intrexx.portals.list()
            #expect(server.requests.map(\.path) == ["/auth", "/portals"])
            #expect(server.requests[0].header("Authorization") == nil, "no credentials to an operation that needs none")
            #expect(server.requests[1].header("Authorization") == "Bearer kept")
        }
    }

    @Test(.timeLimit(.minutes(1))) func peiqOAuthFetchesOneTokenForTenConcurrentCalls() async throws {
        let tokenRequests = Counter()
        // The token arrives only after all ten calls have begun, so they overlap the one token request.
        let allStarted = TestLatch(count: 10)
        try await withKilnTestServer(handler: { request in
            if request.path == "/oauth/token" {
                tokenRequests.increment()
                await allStarted.wait()
                return .json(#"{"access_token":"peiq-token","token_type":"Bearer","expires_in":3600}"#)
            }
            guard request.header("Authorization") == "Bearer peiq-token" else { return .status(401) }
            return .json(#"{"id":"7","email":"a@example.com"}"#)
        }) { server in
            let serverURL = ContractCheck.baseURL(server, path: "/api/v2")
            let peiq = PEIQClient(
                baseURL: serverURL,
                middlewares: [PEIQClient.oauth2(clientID: "publisher", clientSecret: "s3cret", serverURL: serverURL)])
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<10 {
                    group.addTask {
                        await allStarted.countDown()
                        return try await peiq.users.get(userId: "7").id
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(ids == Array(repeating: "7", count: 10))
            #expect(tokenRequests.value == 1, "ten concurrent calls share one token request")
            let tokenRequest = try #require(server.requests.first { $0.path == "/oauth/token" })
            let form = ContractCheck.formPairs(tokenRequest.body)
            #expect(form.contains(["grant_type", "client_credentials"]))
            #expect(form.contains(["client_id", "publisher"]) && form.contains(["client_secret", "s3cret"]))
        }
    }

    @Test func primedocsOAuthAsksTheInstanceIdentityServerForItsScope() async throws {
        // The token URL is https://{instance}/ids/connect/token: a recording transport stands in for TLS.
        let transport = RecordingTransport { request, baseURL in
            HTTPResponse(status: 200, body: Data(#"{"access_token":"pd-token","expires_in":3600}"#.utf8))
        }
        let middleware = PrimedocsClient.primedocsOAuth(
            clientID: "admin-client", clientSecret: "s3cret", instance: "docs.example.com", transport: transport)
        try await withKilnTestServer(handler: { request in
            request.header("Authorization") == "Bearer pd-token"
                ? .json(#"{"data":[],"pagingDetails":{"page":1,"totalPages":1}}"#) : .status(401)
        }) { server in
            let primedocs = PrimedocsClient(baseURL: server.baseURL, middlewares: [middleware])
            _ = try await primedocs.users.list()
        }
        let tokenRequest = try #require(transport.requests.first)
        #expect(tokenRequest.url == "https://docs.example.com/ids/connect/token")
        let form = String(decoding: tokenRequest.body ?? Data(), as: UTF8.self)
        #expect(form.contains("scope=pd_AdminWebApi"))
        #expect(form.contains("grant_type=client_credentials"))
    }

    @Test func iservBasicAuthFromTheSecurityScheme() async throws {
        try await withKilnTestServer(handler: { _ in .json("[]") }) { server in
            let iserv = IServClient(
                baseURL: server.baseURL, middlewares: [IServClient.basicAuth(username: "admin", password: "pässword")])
            _ = try await iserv.users.list()
            let expected = "Basic " + Data("admin:pässword".utf8).base64EncodedString()
            #expect(server.requests.first?.header("Authorization") == expected)
        }
    }
}

/// Counts from a server handler, which runs on the server's own thread.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

/// A transport that answers from a closure and remembers each request's absolute URL and body.
final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    struct Sent {
        var url: String
        var body: Data?
    }

    private let lock = NSLock()
    private var sent: [Sent] = []
    private let answer: @Sendable (HTTPRequest, URL) -> HTTPResponse

    init(answer: @escaping @Sendable (HTTPRequest, URL) -> HTTPResponse) {
        self.answer = answer
    }

    var requests: [Sent] { lock.withLock { sent } }

    func send(_ request: HTTPRequest, baseURL: URL) async throws -> HTTPResponse {
        let url = try request.url(relativeTo: baseURL).absoluteString
        lock.withLock { sent.append(Sent(url: url, body: request.body)) }
        return answer(request, baseURL)
    }
}
