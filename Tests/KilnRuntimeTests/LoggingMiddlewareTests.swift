import Foundation
import Testing
import KilnRuntime
import KilnTestServer

@Suite struct LoggingMiddlewareTests {
    /// The issue's list, the APIs' own secrets (action API `api_key`, `2fa`, `strPass`; Intrexx `apiKey`) and
    /// names that merely look secret.
    static let sensitiveFields = [
        "client_secret", "password", "kpass", "plaintext_password", "token", "access_token", "refresh_token", "kmd",
        "api_key", "apiKey", "2fa", "otp", "strPass", "newPassword", "id_token", "x-api-key", "key", "subscription-key",
    ]

    /// A logging client against `transport`, and where its log messages go.
    private func loggingCore(
        options: LoggingMiddleware.Options = .init(logsBodies: true),
        transport: any HTTPTransport = ClosureTransport { _, _ in HTTPResponse(status: 200) }
    ) -> (APIClientCore, Collector<String>) {
        let messages = Collector<String>()
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1/api")!, transport: transport, middlewares: [
            LoggingMiddleware(options: options) { messages.append($0) },
        ])
        return (core, messages)
    }

    /// Sends `request` through a logging client and returns the log messages; the call must succeed.
    private func logs(
        for request: HTTPRequest,
        options: LoggingMiddleware.Options = .init(logsBodies: true),
        transport: any HTTPTransport = ClosureTransport { _, _ in HTTPResponse(status: 200) }
    ) async throws -> [String] {
        let (core, messages) = loggingCore(options: options, transport: transport)
        _ = try await core.send(request, operationID: "op")
        return messages.values
    }

    @Test func aBodyStreamedFromDiskIsLoggedByItsSize() async throws {
        let request = HTTPRequest(method: .put, path: "/u", bodyStream: RequestBodyStream([.data(Data("12345".utf8))]))
        let lines = try await logs(for: request)
        #expect(lines.first?.contains("  body: <5 bytes streamed from disk>") == true)
    }

    @Test func logsMethodURLStatusAndDuration() async throws {
        try await withKilnTestServer(handler: { _ in .json("{}", status: 201) }) { server in
            let messages = Collector<String>()
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [LoggingMiddleware { messages.append($0) }])
            _ = try await core.send(HTTPRequest(method: .post, path: "/groups", query: ["page": "2"]), operationID: "groups.create")
            let lines = messages.values
            #expect(lines.count == 2)
            #expect(lines.first?.hasPrefix("→ POST \(server.baseURL.absoluteString)/groups?page=2 [groups.create]") == true)
            let response = try #require(lines.last)
            #expect(response.hasPrefix("← 201 POST \(server.baseURL.absoluteString)/groups?page=2 ("))
            #expect(response.range(of: #"\(\d+\.\d ms\)"#, options: .regularExpression) != nil)
        }
    }

    @Test func redactsSecretHeadersBothWays() async throws {
        let transport = ClosureTransport { _, _ in
            HTTPResponse(status: 200, headers: ["Set-Cookie": "sid=hunter2-set-cookie", "X-Fine": "visible"])
        }
        let request = HTTPRequest(path: "/", headers: [
            "Authorization": "Bearer hunter2-authorization",
            "proxy-authorization": "Basic hunter2-proxy",
            "Cookie": "sid=hunter2-cookie",
            "Accept": "application/json",
        ])
        let text = try await logs(for: request, transport: transport).joined(separator: "\n")
        #expect(!text.contains("hunter2"))
        #expect(text.contains("Authorization: [REDACTED]"))
        #expect(text.contains("proxy-authorization: [REDACTED]"))
        #expect(text.contains("Cookie: [REDACTED]"))
        #expect(text.contains("Set-Cookie: [REDACTED]"))
        #expect(text.contains("Accept: application/json"))
        #expect(text.contains("X-Fine: visible"))
    }

    @Test(arguments: sensitiveFields)
    func redactsQueryItems(_ field: String) async throws {
        var query: QueryItems = ["page": "1"]
        query.append(field.uppercased(), "hunter2-\(field)")
        let text = try await logs(for: HTTPRequest(path: "/q", query: query)).joined(separator: "\n")
        #expect(!text.contains("hunter2"))
        #expect(text.contains("/api/q?page=1&\(field.uppercased())=[REDACTED]"))
    }

    @Test(arguments: sensitiveFields)
    func redactsFormBodies(_ field: String) async throws {
        let body = FormURLEncoder.encodeBody([("user", "ann"), (field, "hunter2 value+\(field)")])
        let text = try await logs(for: HTTPRequest(method: .post, path: "/f", headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"], body: body)).joined(separator: "\n")
        #expect(!text.contains("hunter2"))
        #expect(text.contains("body: user=ann&\(field)=[REDACTED]"))
    }

    @Test(arguments: sensitiveFields)
    func redactsJSONBodiesAtAnyDepth(_ field: String) async throws {
        let mixedCase = field.prefix(1).uppercased() + field.dropFirst()
        let json = #"{"name":"ann","\#(mixedCase)":"hunter2-1","nested":{"list":[{"\#(field)":"hunter2-2"}]}}"#
        let text = try await logs(for: HTTPRequest(method: .post, path: "/j", headers: ["Content-Type": "application/json"], body: Data(json.utf8))).joined(separator: "\n")
        #expect(!text.contains("hunter2"))
        #expect(text.contains(#""\#(mixedCase)":"[REDACTED]""#))
        #expect(text.contains(#"{"list":[{"\#(field)":"[REDACTED]"}]}"#))
        #expect(text.contains(#""name":"ann""#))
    }

    @Test func redactsTokenResponses() async throws {
        try await withKilnTestServer(handler: { _ in
            .json(#"{"access_token":"hunter2-a","refresh_token":"hunter2-r","token_type":"Bearer","expires_in":3600}"#)
        }) { server in
            let messages = Collector<String>()
            let core = APIClientCore(baseURL: server.baseURL, middlewares: [LoggingMiddleware(options: .init(logsBodies: true)) { messages.append($0) }])
            _ = try await core.send(HTTPRequest(method: .post, path: "/token"), operationID: "token")
            let text = messages.values.joined(separator: "\n")
            #expect(!text.contains("hunter2"))
            #expect(text.contains(#"body: {"access_token":"[REDACTED]","expires_in":3600,"refresh_token":"[REDACTED]","token_type":"Bearer"}"#))
        }
    }

    @Test func fieldListIsConfigurable() async throws {
        let redactor = Redactor(headerNames: ["X-Pin"], fieldNames: ["PIN"], matchesSecretLikeNames: false)
        let request = HTTPRequest(method: .post, path: "/c", query: ["pin": "1234", "password": "visible"], headers: ["x-pin": "9", "Content-Type": "application/json"], body: Data(#"{"Pin":"5678"}"#.utf8))
        let text = try await logs(for: request, options: .init(logsBodies: true, redactor: redactor)).joined(separator: "\n")
        #expect(!text.contains("1234") && !text.contains("5678"))
        #expect(text.contains("x-pin: [REDACTED]"))
        #expect(text.contains("password=visible"))
    }

    @Test func unknownAndUnparseableBodiesAreNotPrinted() async throws {
        let binary = try await logs(for: HTTPRequest(method: .post, path: "/b", headers: ["Content-Type": "text/plain"], body: Data("password=hunter2".utf8)))
        #expect(binary.joined().contains("body: <16 bytes of text/plain>"))
        let broken = try await logs(for: HTTPRequest(method: .post, path: "/b", headers: ["Content-Type": "application/json"], body: Data(#"{"password":"hunter2""#.utf8)))
        #expect(broken.joined().contains("body: <21 bytes of unparseable JSON>"))
        #expect(!(binary + broken).joined().contains("hunter2"))
    }

    @Test func bodiesAreOffByDefaultAndLongOnesAreCut() async throws {
        let request = HTTPRequest(method: .post, path: "/", headers: ["Content-Type": "application/json"], body: Data(#"{"a":"\#(String(repeating: "x", count: 50))"}"#.utf8))
        #expect(!(try await logs(for: request, options: .init())).joined().contains("body:"))
        let cut = try await logs(for: request, options: .init(logsBodies: true, maxBodyCharacters: 10)).joined(separator: "\n")
        #expect(cut.contains(#"body: {"a":"xxxx…"#))
        let noHeaders = try await logs(for: HTTPRequest(path: "/", headers: ["X-A": "1"]), options: .init(logsHeaders: false))
        #expect(!noHeaders.joined().contains("X-A"))
    }

    @Test func redactsSecretsInTheBaseURLQueryToo() async throws {
        let messages = Collector<String>()
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1/api?access_token=hunter2")!, transport: ClosureTransport { _, _ in HTTPResponse(status: 204) }, middlewares: [
            LoggingMiddleware { messages.append($0) },
        ])
        _ = try await core.send(HTTPRequest(path: "/x"), operationID: "op")
        #expect(messages.values.first?.hasPrefix("→ GET http://127.0.0.1:1/api/x?access_token=[REDACTED]") == true)
        #expect(!messages.values.joined().contains("hunter2"))
    }

    @Test func apiKeyHeadersAreRedacted() async throws {
        let request = HTTPRequest(path: "/", headers: ["X-API-Key": "hunter2-a", "Api-Key": "hunter2-b", "X-Auth-Token": "hunter2-c"])
        let text = try await logs(for: request).joined(separator: "\n")
        #expect(!text.contains("hunter2"))
        #expect(text.contains("X-API-Key: [REDACTED]") && text.contains("X-Auth-Token: [REDACTED]"))
    }

    @Test func transportErrorsQuotingTheURLAreRedacted() async throws {
        // A port nothing accepts on (held, so no other test can take it): URLSession's error then quotes
        // the whole URL, query secrets included.
        let refusing = RefusingPort()
        let baseURL = refusing.baseURL
        let messages = Collector<String>()
        let core = APIClientCore(baseURL: baseURL, middlewares: [LoggingMiddleware { messages.append($0) }])
        let request = HTTPRequest(path: "/x", query: ["access_token": "hunter2-at", "api_key": "hunter2-key", "page": "2"])
        let error = await #expect(throws: ClientError.self) { try await core.send(request, operationID: "op") }
        let failure = try #require(messages.values.last)
        #expect(failure.hasPrefix("✗ GET "))
        #expect(!failure.contains("hunter2"), "\(failure)")
        // The error does quote the URL (so this checks something): redacted, harmless values kept.
        #expect(error?.message.contains("access_token=[REDACTED]&api_key=[REDACTED]&page=2") == true)
        #expect(!(error?.message.contains("hunter2") ?? true), "\(String(describing: error?.message))")
        #expect(!String(describing: error).contains("hunter2"))
        withExtendedLifetime(refusing) {}
    }

    @Test func freeTextKeepsHarmlessQueryValues() {
        let text = Redactor().redactedText("failed: http://h/x?page=2&token=abc&q=a%20b; url=http://h/?apiKey=k")
        #expect(text == "failed: http://h/x?page=2&token=[REDACTED]&q=a%20b; url=http://h/?apiKey=[REDACTED]")
        // An unencoded URL inside a value (allowReserved) does not hide the pairs after it.
        #expect(Redactor().redactedText("http://h/x?next=/cb?token=s3&key=k2") == "http://h/x?next=/cb?token=[REDACTED]&key=[REDACTED]")
    }

    @Test func clientErrorsUseTheConfiguredRedactor() async throws {
        struct QuotingFailure: Error, CustomStringConvertible {
            var description: String { "could not connect to http://127.0.0.1:1/x?pin=1234" }
        }
        var configuration = ClientConfiguration(baseURL: URL(string: "http://127.0.0.1:1")!, transport: ClosureTransport { _, _ in
            throw QuotingFailure()
        })
        configuration.redactor = Redactor(fieldNames: ["pin"])
        let error = await #expect(throws: ClientError.self) {
            try await APIClientCore(configuration: configuration).send(HTTPRequest(path: "/x"), operationID: "op")
        }
        #expect(error?.message == "Request failed: could not connect to http://127.0.0.1:1/x?pin=[REDACTED]")
    }

    @Test func logsFailuresAndRethrows() async throws {
        let (core, messages) = loggingCore(transport: ClosureTransport { _, _ in throw URLError(.timedOut) })
        let error = await #expect(throws: ClientError.self) {
            try await core.send(HTTPRequest(path: "/x", query: ["token": "hunter2"]), operationID: "op")
        }
        #expect(error?.kind == .transport)
        let lines = messages.values
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("✗ GET http://127.0.0.1:1/api/x?token=[REDACTED] failed after ") == true)
        #expect(!lines.joined().contains("hunter2"))
    }
}
