import ActionAPI
import Foundation
import KilnRuntime
import KilnTestServer
import Testing

/// The action API through its generated per-action methods against a loopback server that plays the
/// document's login protocol: preauth, auth that demands a second factor and returns a pending token,
/// verifyauth with that token and the code, calls carrying `kmd`, logout.
@Suite struct ActionAPISessionTests {
    /// A server with one user `aaa` / `ABCabc123!` whose second factor is an e-mail code `123456`.
    static func loginServer(_ request: RecordedRequest) -> TestResponse {
        guard let body = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any],
            let action = body["action"] as? String
        else { return .json(#"{"status":"Error","statuscode":1,"msg":"no action"}"#) }
        switch action {
        case "preauth":
            return .json(
                #"{"status":"Success","statuscode":0,"msg":"","action":"preauth","data":{"sso_type":0,"twofactor_type":2,"twofactor_required":true}}"#
            )
        case "auth":
            guard body["kname"] as? String == "aaa", body["kpass"] as? String == "ABCabc123!" else {
                return .json(#"{"status":"Error","statuscode":101,"msg":"Wrong user name or password","action":"auth","data":null}"#)
            }
            guard body["2fa"] as? String == "123456" else {
                return .json(#"{"status":"Error","statuscode":122,"msg":"E-mail code required","action":"auth","data":{"kmd":"pending-7"}}"#)
            }
            return .json(#"{"status":"Success","statuscode":0,"msg":"","action":"auth","data":{"kmd":"session-42"}}"#)
        case "verifyauth":
            guard body["token"] as? String == "pending-7", body["2fa"] as? String == "123456" else {
                return .json(#"{"status":"Error","statuscode":123,"msg":"Wrong code","action":"verifyauth"}"#)
            }
            return .json(#"{"status":"Success","statuscode":0,"msg":"","action":"verifyauth","data":{"kmd":"session-42"}}"#)
        case "logout":
            // The document's logout sample sends `token`; the client defaults it to the session token.
            guard body["token"] as? String == "session-42" else {
                return .json(#"{"status":"Error","statuscode":3,"msg":"No token","action":"logout"}"#)
            }
            return .json(#"{"status":"Success","statuscode":0,"msg":"Logged out","action":"logout","data":null}"#)
        default:
            guard body["kmd"] as? String == "session-42" else {
                return .json(#"{"status":"Error","statuscode":2,"msg":"Not logged in","action":"\#(action)"}"#)
            }
            return .json(
                #"{"status":"Success","statuscode":0,"msg":"","model":"Subaccount","action":"list","data":{"data":[{"id":"542","row":["542","aaa"]}],"total":"1"}}"#
            )
        }
    }

    @Test func twoFactorLoginThenCallsCarryTheTokenUntilLogout() async throws {
        try await withKilnTestServer(handler: Self.loginServer) { server in
            let client = ActionAPIClient(baseURL: server.baseURL)

            let preauth = try await client.preauth(kname: "aaa")
            #expect(preauth.data.twofactorRequired)
            #expect(preauth.data.twofactorType == .email)

            // Without the code the server answers with an error envelope: thrown, with its code, its message
            // and the pending token, which stays out of the field messages and the description.
            let missingCode = await #expect(throws: ActionError.self) {
                try await client.auth(kname: "aaa", kpass: "ABCabc123!")
            }
            #expect(missingCode?.code == 122)
            #expect(missingCode?.message == "E-mail code required")
            let pending = try #require(missingCode?.sessionToken)
            #expect(pending == "pending-7")
            #expect(missingCode?.fieldMessages == [:])
            #expect(missingCode.map(String.init(describing:))?.contains("pending-7") == false)
            #expect(await client.session.token == nil, "a login that is not complete starts no session")

            let verified = try await client.verifyAuth(token: pending, twoFactorCode: "123456")
            #expect(verified.data.kmd == "session-42")
            #expect(await client.session.token == "session-42")

            let list = try await client.list(model: "Subaccount", limit: 10)
            #expect(list.data.data.map(\.id) == [542], "list ids arrive as strings and decode as record ids")

            _ = try await client.logout()
            #expect(await client.session.token == nil)
            await #expect(throws: ActionError.self) { try await client.list(model: "Subaccount") }

            let bodies = try server.requests.map { try #require(JSONSerialization.jsonObject(with: $0.body) as? [String: Any]) }
            #expect(bodies.map { $0["action"] as? String } == ["preauth", "auth", "verifyauth", "list", "logout", "list"])
            // The runtime fills in accessType on every call and the token on every call after login.
            #expect(bodies.allSatisfy { $0["accessType"] as? Int == 1 })
            #expect(bodies.map { $0["kmd"] as? String } == [nil, nil, nil, "session-42", "session-42", nil])
            #expect(bodies[3]["model"] as? String == "Subaccount" && bodies[3]["limit"] as? Int == 10)
            #expect(bodies[2]["2fa"] as? String == "123456" && bodies[2]["token"] as? String == "pending-7")
        }
    }

    @Test func updateErrorCarriesPerFieldMessages() async throws {
        try await withKilnTestServer(handler: { _ in
            .json(
                #"{"status":"Error","statuscode":"113","msg":"Update failed","model":"Subaccount","action":"update","data":{"strLogin":"Login already taken","strPass":"Too short"}}"#
            )
        }) { server in
            let client = ActionAPIClient(baseURL: server.baseURL, accessType: 2)
            let error = await #expect(throws: ActionError.self) {
                try await client.update(model: "Subaccount", ids: [542], data: ["strLogin": "aaa", "strPass": "x"])
            }
            #expect(error?.code == 113, "a numeric string code still reads as a number")
            #expect(error?.fieldMessages == ["strLogin": "Login already taken", "strPass": "Too short"])
            #expect(error?.action == "update")
            #expect(error.map(String.init(describing:))?.contains("strPass: Too short") == true)
            let request = try #require(server.requests.first)
            let body = try #require(JSONSerialization.jsonObject(with: request.body) as? [String: Any])
            #expect(body["accessType"] as? Int == 2, "the client's configured accessType is sent")
        }
    }

    @Test func rawCallTellsErrorEnvelopesFromSuccessByTheirConstantStatus() async throws {
        try await withKilnTestServer(handler: { request in
            let body = (try? JSONSerialization.jsonObject(with: request.body) as? [String: Any]) ?? [:]
            return body["model"] as? String == "Missing"
                ? .json(#"{"status":"Error","statuscode":7,"msg":"No such model","action":"list"}"#)
                : .json(#"{"status":"Success","statuscode":0,"action":"list","data":{"data":[{"id":"9","row":[]}],"total":1}}"#)
        }) { server in
            let client = ActionAPIClient(baseURL: server.baseURL)
            let failed = try await client.performAction(.listRequest(ListRequest(action: "list", accessType: 1, model: "Missing")))
            guard case .errorResponse(let error) = failed else {
                Issue.record("an error envelope decoded as \(failed)")
                return
            }
            #expect(error.statuscode == 7 && error.msg == "No such model")
            let listed = try await client.performAction(.listRequest(ListRequest(action: "list", accessType: 1, model: "Subaccount")))
            guard case .listResponse(let list) = listed else {
                Issue.record("a list envelope decoded as \(listed)")
                return
            }
            #expect(list.data.data.map(\.id) == [9])
        }
    }

    @Test func recordIdsDecodeFromNumbersOrNumericStringsInsideArraysToo() throws {
        let form = try JSONCoding.makeDecoder().decode(RecordForm.self, from: Data(#"{"fields":[],"ids":["544",545]}"#.utf8))
        #expect(form.ids == [544, 545])
        #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode(RecordForm.self, from: Data(#"{"fields":[],"ids":["x"]}"#.utf8))
        }
    }

    @Test func listAllPagesByOffsetAndLimitUntilTotal() async throws {
        // 5 rows, 2 per page: offsets 0, 2, 4; the server reports total as a numeric string.
        try await withKilnTestServer(handler: { request in
            let body = (try? JSONSerialization.jsonObject(with: request.body) as? [String: Any]) ?? [:]
            let offset = body["offset"] as? Int ?? -1
            let limit = body["limit"] as? Int ?? -1
            let rows = (offset..<min(offset + limit, 5)).map { #"{"id":"\#($0)","row":["r\#($0)"]}"# }
            return .json(
                #"{"status":"Success","statuscode":0,"action":"list","data":{"data":[\#(rows.joined(separator: ","))],"total":"5"}}"#)
        }) { server in
            let client = ActionAPIClient(baseURL: server.baseURL)
            var ids: [RecordId] = []
            for try await row in client.listAll(model: "Subaccount", filters: [.field("age", .gte(27))], pageSize: 2) {
                ids.append(row.id)
            }
            #expect(ids == [0, 1, 2, 3, 4])
            let bodies = try server.requests.map { try #require(JSONSerialization.jsonObject(with: $0.body) as? [String: Any]) }
            #expect(bodies.map { $0["offset"] as? Int } == [0, 2, 4])
            #expect(bodies.allSatisfy { $0["limit"] as? Int == 2 && $0["model"] as? String == "Subaccount" })
            #expect(bodies.allSatisfy { ($0["filters"] as? [[String: Any]])?.first?["comparison"] as? String == "gte" })
        }
    }
}
