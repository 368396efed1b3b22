import Foundation
import Hummingbird
import IServ
import IServServer
@testable import KilnHummingbird
import KilnRuntime
import KilnServer
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The generated IServ server on a real Hummingbird application, called over loopback: with the generated
/// client for what it can send, with URLSession for what it never sends (wrong methods, bad parameters).
@Suite(.timeLimit(.minutes(1)))
struct KilnHummingbirdTests {
    static func router(bodyLimit: Int = ServerOptions().bodyLimit) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/health") { _, _ in "ok" }  // the app's own route lives beside the API's
        router.addRoutes(IServServer(handler: FakeIServ(), options: ServerOptions(bodyLimit: bodyLimit)).router)
        return router
    }

    @Test func theGeneratedClientListsAndGetsGroupsAndSeesTheDocumented404() async throws {
        try await withHummingbird(Self.router()) { url in
            let iserv = IServClient(baseURL: url)
            let groups = try await iserv.groups.list()
            #expect(groups == FakeIServ.groups)
            // `klasse/5a` travels as `klasse%2F5a`: one segment only if the raw path reaches the ServerRouter.
            let group = try await iserv.groups.get(id: "klasse/5a")
            #expect(group.name == "Klasse 5a")
            await #expect { try await iserv.groups.get(id: "9") } throws: { error in
                (error as? APIError)?.status == 404
            }
        }
    }

    @Test func answersWrongMethodsUnknownRoutesAndBadParametersAsTheServerRouterDoes() async throws {
        try await withHummingbird(Self.router()) { url in
            let patch = try await Self.send("PATCH", url.appending(path: "IServ/Core/Entity/Group"))
            #expect(patch.status == 405)
            #expect(patch.header("Allow") == "GET, POST")

            let bad = try await Self.send("GET", URL(string: url.absoluteString + "/IServ/Core/Entity/Group?extended=maybe")!)
            #expect(bad.status == 400)
            #expect(bad.body.contains("extended"), "the problem names the parameter: \(bad.body)")

            let unknown = try await Self.send("GET", url.appending(path: "IServ/Core/Entity/Nothing"))
            #expect(unknown.status == 404)
            #expect(unknown.header("Content-Type") == "application/problem+json")

            let health = try await Self.send("GET", url.appending(path: "health"))
            #expect(health.status == 200 && health.body == "ok")
        }
    }

    @Test func bodiesOverTheLimitGet413() async throws {
        try await withHummingbird(Self.router(bodyLimit: 64)) { url in
            let iserv = IServClient(baseURL: url)
            try await iserv.groups.create(GroupCreate(name: "short"))
            await #expect { try await iserv.groups.create(GroupCreate(name: String(repeating: "x", count: 4096))) } throws: {
                error in (error as? APIError)?.status == 413
            }
        }
    }

    @Test func registersTheSharedPrefixOrElseEachTemplate() {
        #expect(KilnHummingbird.routerPaths(for: ["/a/b", "/a/{id}", "/a"]) == ["/a", "/a/**"])
        #expect(KilnHummingbird.routerPaths(for: ["/{a}/x", "/b/{id}.json", "/b/a b"]) == ["/*/x", "/b/*"])
    }

    struct Answer {
        var status: Int
        var headers: [AnyHashable: Any]
        var body: String

        func header(_ name: String) -> String? {
            headers.first { ($0.key as? String)?.lowercased() == name.lowercased() }?.value as? String
        }
    }

    static func send(_ method: String, _ url: URL) async throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Answer(status: http.statusCode, headers: http.allHeaderFields, body: String(decoding: data, as: UTF8.self))
    }
}
