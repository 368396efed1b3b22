import Foundation
import Testing
import KilnRuntime
import KilnTestServer

/// What a generated client looks like, to test the runtime the way it will be used.
struct GroupsAPI {
    struct Group: Codable, Equatable, Sendable { var id: Int; var name: String }
    struct Problem: Codable, Equatable, Sendable { var message: String }

    let core: APIClientCore

    func list() async throws -> [Group] {
        let request = HTTPRequest(method: .get, path: "/groups", headers: ["Accept": "application/json"])
        let response = try await core.send(request, operationID: "groups.list")
        switch response.status {
        case 200: return try core.decodeJSON([Group].self, from: response, operationID: "groups.list")
        case 404: throw core.apiError(for: response, operationID: "groups.list", decodedBody: core.decodeErrorBody(Problem.self, from: response))
        default: throw core.apiError(for: response, operationID: "groups.list")
        }
    }

    func create(_ group: Group) async throws -> Group {
        let body = try core.encodeJSON(group, operationID: "groups.create")
        let request = HTTPRequest(method: .post, path: "/groups", headers: ["Content-Type": "application/json"], body: body)
        let response = try await core.send(request, operationID: "groups.create")
        guard response.status == 201 else { throw core.apiError(for: response, operationID: "groups.create") }
        return try core.decodeJSON(Group.self, from: response, operationID: "groups.create")
    }
}

@Suite struct APIClientCoreTests {
    @Test func generatedStyleCallRoundTrips() async throws {
        try await withKilnTestServer(handler: { request in
            request.method == "POST" ? .json(request.bodyText, status: 201) : .json(#"[{"id":1,"name":"a"},{"id":2,"name":"b"}]"#)
        }) { server in
            let api = GroupsAPI(core: APIClientCore(baseURL: server.baseURL))
            let groups = try await api.list()
            #expect(groups == [GroupsAPI.Group(id: 1, name: "a"), GroupsAPI.Group(id: 2, name: "b")])
            let created = try await api.create(GroupsAPI.Group(id: 3, name: "c/d"))
            #expect(created == GroupsAPI.Group(id: 3, name: "c/d"))
            #expect(server.requests.last?.bodyText == #"{"id":3,"name":"c/d"}"#)
        }
    }

    @Test func documentedErrorsAreTypedAPIErrors() async throws {
        try await withKilnTestServer(handler: { _ in .json(#"{"message":"no such group"}"#, status: 404, headers: [TestHeader("X-Request-Id", "r1")]) }) { server in
            let api = GroupsAPI(core: APIClientCore(baseURL: server.baseURL))
            let thrown = await #expect(throws: APIError.self) { try await api.list() }
            let error = try #require(thrown)
            #expect(error.status == 404)
            #expect(error.operationID == "groups.list")
            #expect(error.decodedBody(as: GroupsAPI.Problem.self) == GroupsAPI.Problem(message: "no such group"))
            #expect(error.decodedBody(as: String.self) == nil)
            #expect(try error.decodeBody(as: GroupsAPI.Problem.self).message == "no such group")
            #expect(error.headers["x-request-id"] == "r1")
            #expect(error.bodyText == #"{"message":"no such group"}"#)
            #expect(error.description == #"groups.list failed with HTTP 404: {"message":"no such group"}"#)
        }
    }

    @Test func undocumentedStatusesStillCarryTheRawBody() async throws {
        try await withKilnTestServer(handler: { _ in .text("boom", status: 500) }) { server in
            let api = GroupsAPI(core: APIClientCore(baseURL: server.baseURL))
            let error = await #expect(throws: APIError.self) { try await api.list() }
            #expect(error?.status == 500)
            #expect(error?.decodedBody == nil)
            #expect(error?.bodyText == "boom")
        }
    }

    @Test func decodingErrorsNameTheCodingPath() async throws {
        try await withKilnTestServer(handler: { _ in .json(#"[{"id":1,"name":"a"},{"id":2,"name":7}]"#) }) { server in
            let api = GroupsAPI(core: APIClientCore(baseURL: server.baseURL))
            let error = await #expect(throws: ClientError.self) { try await api.list() }
            #expect(error?.kind == .decoding)
            #expect(error?.operationID == "groups.list")
            #expect(error?.message.contains("at [1].name") == true)
            #expect(error?.response?.status == 200)
            #expect(error?.underlyingError is DecodingError)
        }
    }

    @Test func missingKeysAndInvalidJSONAreReadable() throws {
        let response = HTTPResponse(status: 200, body: Data(#"{"id":1}"#.utf8))
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1")!)
        let missing = #expect(throws: ClientError.self) { try core.decodeJSON(GroupsAPI.Group.self, from: response, operationID: "op") }
        #expect(missing?.description == "op: Decoding Group failed: missing key 'name' at <root>")
        let invalid = #expect(throws: ClientError.self) {
            try core.decodeJSON(GroupsAPI.Group.self, from: HTTPResponse(status: 200, body: Data("{".utf8)), operationID: "op")
        }
        #expect(invalid?.message.contains("invalid data at <root>") == true)
    }

    /// Specs assume reply shapes; a server that answers a success with no body still succeeds when the
    /// model can be empty, and fails clearly when it cannot.
    @Test func anEmptySuccessBodyIsAnEmptyModelOnlyWhenTheModelCanBeEmpty() throws {
        struct Optionals: Decodable, Equatable { var id: Int?; var name: String? }
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1")!)
        let empty = HTTPResponse(status: 201, body: Data())
        #expect(try core.decodeJSON(Optionals.self, from: empty, operationID: "op") == Optionals())
        #expect(try core.decodeJSON(Optionals.self, from: HTTPResponse(status: 200, body: Data(" \n".utf8)), operationID: "op") == Optionals())
        let required = #expect(throws: ClientError.self) { try core.decodeJSON(GroupsAPI.Group.self, from: empty, operationID: "op") }
        #expect(required?.kind == .decoding)
        let list = #expect(throws: ClientError.self) { try core.decodeJSON([GroupsAPI.Group].self, from: empty, operationID: "op") }
        #expect(list?.kind == .decoding)
    }

    @Test func encodingFailuresAreClientErrors() {
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1")!)
        let error = #expect(throws: ClientError.self) { try core.encodeJSON(Double.nan, operationID: "op") }
        #expect(error?.kind == .encoding)
    }

    @Test func middlewaresRunInOrderAroundTheTransport() async throws {
        let log = Collector<String>()
        let transport = ClosureTransport { request, _ in
            log.append("transport \(request.headers.values(for: "X-Trace").joined(separator: ","))")
            return HTTPResponse(status: 200)
        }
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1")!, transport: transport, middlewares: [
            RecordingMiddleware(name: "outer") { log.append($0) }, RecordingMiddleware(name: "inner") { log.append($0) },
        ])
        _ = try await core.send(HTTPRequest(path: "/"), operationID: "op")
        #expect(log.values == ["outer>", "inner>", "transport outer,inner", "<inner", "<outer"])
    }

    @Test func defaultHeadersFillGapsOnly() async throws {
        let seen = Collector<HTTPFields>()
        let configuration = ClientConfiguration(
            baseURL: URL(string: "http://127.0.0.1:1")!,
            transport: ClosureTransport { request, _ in
                seen.append(request.headers)
                return HTTPResponse(status: 200)
            },
            defaultHeaders: ["User-Agent": "kiln", "Accept": "application/json"]
        )
        _ = try await APIClientCore(configuration: configuration).send(HTTPRequest(path: "/", headers: ["accept": "text/csv"]), operationID: "op")
        #expect(seen.values.first?["User-Agent"] == "kiln")
        #expect(seen.values.first?.values(for: "Accept") == ["text/csv"])
    }

    @Test func errorsAreClassified() async throws {
        func failure(_ error: any Error) async -> (any Error)? {
            let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:1")!, transport: ClosureTransport { _, _ in throw error })
            do {
                _ = try await core.send(HTTPRequest(path: "/"), operationID: "op")
                return nil
            } catch {
                return error
            }
        }
        #expect((await failure(URLError(.timedOut)) as? ClientError)?.kind == .transport)
        #expect((await failure(InvalidURLError(text: "x")) as? ClientError)?.kind == .invalidRequest)
        #expect((await failure(OAuth2Error(status: 401, body: Data())) as? ClientError)?.kind == .authentication)
        #expect(await failure(CancellationError()) is CancellationError)
        #expect((await failure(APIError(operationID: "m", status: 418)) as? APIError)?.status == 418)
        let passthrough = ClientError(kind: .unexpectedResponse, operationID: "x", message: "m")
        #expect((await failure(passthrough) as? ClientError)?.operationID == "x")
    }

    @Test func connectionRefusedIsATransportError() async throws {
        let refusing = RefusingPort()
        let core = APIClientCore(baseURL: refusing.baseURL)
        let error = await #expect(throws: ClientError.self) { try await core.send(HTTPRequest(path: "/"), operationID: "ping") }
        #expect(error?.kind == .transport)
        #expect(error?.operationID == "ping")
        #expect(error?.underlyingError != nil)
    }

    @Test func customCodersFromConfigurationAreUsed() async throws {
        let configuration = ClientConfiguration(
            baseURL: URL(string: "http://127.0.0.1:1")!,
            transport: ClosureTransport { _, _ in HTTPResponse(status: 200) },
            makeEncoder: {
                let encoder = JSONEncoder()
                encoder.keyEncodingStrategy = .convertToSnakeCase
                encoder.outputFormatting = .sortedKeys
                return encoder
            }
        )
        struct Body: Encodable { var groupName: String }
        let data = try APIClientCore(configuration: configuration).encodeJSON(Body(groupName: "x"), operationID: "op")
        #expect(String(decoding: data, as: UTF8.self) == #"{"group_name":"x"}"#)
    }
}
