import Foundation
import KilnRuntime
import KilnServer
import Testing

@Suite struct RouterTests {
    struct Failure: Error, CustomStringConvertible { var description: String { "secret database password" } }

    static let router = ServerRouter(
        routes: [
            ServerRoute(method: "GET", template: "/groups/{id}", operationID: "getGroup") { _, inputs in
                .text(200, "group " + (try inputs.requiredParameter("id", in: .path, as: String.self, style: .simple, explode: false)))
            },
            ServerRoute(method: "GET", template: "/groups/me", operationID: "myGroup") { _, _ in .text(200, "mine") },
            ServerRoute(method: "DELETE", template: "/groups/{id}", operationID: "deleteGroup") { _, _ in .empty(204) },
            ServerRoute(method: "GET", template: "/files/{name}.json", operationID: "file") { _, inputs in
                .text(200, try inputs.requiredParameter("name", in: .path, as: String.self, style: .simple, explode: false))
            },
            ServerRoute(method: "GET", template: "/count", operationID: "count") { _, inputs in
                try .json(200, inputs.requiredParameter("limit", in: .query, as: Int.self, style: .form, explode: true))
            },
            ServerRoute(method: "POST", template: "/colors", operationID: "createColor") { _, inputs in
                try .json(201, inputs.required(inputs.jsonBody(Color.self)))
            },
            ServerRoute(method: "GET", template: "/fail", operationID: "fail") { _, _ in throw Failure() },
        ],
        options: ServerOptions(bodyLimit: 64))

    @Test func literalSegmentsWinOverParameters() async {
        #expect(await Self.router.respond(to: ServerRequest(method: "GET", path: "/groups/me")).body == Data("mine".utf8))
        #expect(await Self.router.respond(to: ServerRequest(method: "GET", path: "/groups/a%2Fb%20c")).body == Data("group a/b c".utf8))
        #expect(await Self.router.respond(to: ServerRequest(method: "GET", path: "/files/report.json")).body == Data("report".utf8))
    }

    @Test func unknownPathIs404AndWrongMethodIs405WithAllow() async {
        let missing = await Self.router.respond(to: ServerRequest(method: "GET", path: "/nothing"))
        #expect(missing.status == 404)
        #expect(missing.headers["Content-Type"] == "application/problem+json")
        let wrong = await Self.router.respond(to: ServerRequest(method: "PUT", path: "/groups/7"))
        #expect(wrong.status == 405)
        #expect(wrong.headers["Allow"] == "GET, DELETE")
    }

    @Test func badParameterIs400NamingIt() async {
        let response = await Self.router.respond(to: ServerRequest(method: "GET", target: "/count?limit=ten"))
        #expect(response.status == 400)
        #expect(response.detail == "query parameter 'limit': expected an integer, got 'ten'")
        let absent = await Self.router.respond(to: ServerRequest(method: "GET", path: "/count"))
        #expect(absent.detail == "query parameter 'limit' is required")
    }

    @Test func badBodyIs400NamingTheField() async {
        let wrongType = await Self.router.respond(
            to: ServerRequest(method: "POST", path: "/colors", headers: ["Content-Type": "application/json"], body: Data(#"{"R":1,"G":"x","B":3}"#.utf8)))
        #expect(wrongType.status == 400)
        #expect(wrongType.detail?.hasPrefix("request body field 'G': ") == true, "\(wrongType.detail ?? "")")
        let missing = await Self.router.respond(
            to: ServerRequest(method: "POST", path: "/colors", headers: ["Content-Type": "application/json"], body: Data(#"{"R":1,"G":2}"#.utf8)))
        #expect(missing.detail == "request body field 'B': is required")
        let empty = await Self.router.respond(to: ServerRequest(method: "POST", path: "/colors"))
        #expect(empty.detail == "request body is required")
    }

    @Test func bodyOverTheLimitIs413() async {
        let response = await Self.router.respond(
            to: ServerRequest(method: "POST", path: "/colors", headers: ["Content-Type": "application/json"], body: Data(repeating: 32, count: 65)))
        #expect(response.status == 413)
    }

    @Test func handlerErrorIs500WithoutItsText() async {
        let response = await Self.router.respond(to: ServerRequest(method: "GET", path: "/fail"))
        #expect(response.status == 500)
        #expect(!String(decoding: response.body, as: UTF8.self).contains("secret"))
        #expect(response.detail == "the handler for fail failed")
    }

    @Test func headAnswersLikeGetWithoutBody() async {
        let response = await Self.router.respond(to: ServerRequest(method: "HEAD", path: "/groups/me"))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
    }
}
