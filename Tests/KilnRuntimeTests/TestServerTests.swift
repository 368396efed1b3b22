import Foundation
import Testing
import KilnRuntime
@testable import KilnTestServer

@Suite struct RequestReaderTests {
    /// Feeds `text` in chunks of `chunkSize` bytes to exercise every split point.
    private func reader(_ text: String, chunkSize: Int) -> RequestReader {
        var remaining = Array(text.utf8)[...]
        return RequestReader {
            guard !remaining.isEmpty else { return nil }
            let chunk = Array(remaining.prefix(chunkSize))
            remaining = remaining.dropFirst(chunkSize)
            return chunk
        }
    }

    @Test(arguments: [1, 3, 7, 4096])
    func parsesPipelinedRequestsSplitAnywhere(chunkSize: Int) throws {
        let wire = "POST /a?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nX-A:  spaced  \r\n\r\nhello"
            + "GET /b HTTP/1.1\r\nConnection: close\r\n\r\n"
        var reader = reader(wire, chunkSize: chunkSize)
        let first = try #require(try reader.readHead())
        #expect(first.method == "POST")
        #expect(first.target == "/a?x=1")
        #expect(first.headers.value(for: "x-a") == "spaced")
        #expect(try reader.readBody(for: first) == Data("hello".utf8))
        #expect(!first.wantsClose)
        let second = try #require(try reader.readHead())
        #expect(second.target == "/b")
        #expect(try reader.readBody(for: second).isEmpty)
        #expect(second.wantsClose)
        #expect(try reader.readHead() == nil)
    }

    @Test(arguments: [1, 5, 4096])
    func decodesChunkedBodies(chunkSize: Int) throws {
        let wire = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n6\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nX-Trailer: t\r\n\r\n"
        var reader = reader(wire, chunkSize: chunkSize)
        let head = try #require(try reader.readHead())
        #expect(head.isChunked)
        #expect(String(decoding: try reader.readBody(for: head), as: UTF8.self) == "Wikipedia in \r\n\r\nchunks.")
    }

    @Test func reportsMalformedAndTruncatedInput() throws {
        var garbage = reader("NONSENSE\r\n\r\n", chunkSize: 100)
        #expect(throws: RequestReadError.self) { try garbage.readHead() }
        var truncated = reader("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", chunkSize: 100)
        let head = try #require(try truncated.readHead())
        #expect(throws: RequestReadError.truncated) { try truncated.readBody(for: head) }
        var badLength = reader("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n", chunkSize: 100)
        let badHead = try #require(try badLength.readHead())
        #expect(throws: RequestReadError.self) { try badLength.readBody(for: badHead) }
    }

    @Test func http10ClosesUnlessKeepAlive() throws {
        var reader = reader("GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", chunkSize: 100)
        #expect(try reader.readHead()?.wantsClose == true)
        #expect(try reader.readHead()?.wantsClose == false)
    }
}

@Suite struct KilnTestServerTests {
    @Test func recordsRequestsAndServesHandlerResponses() async throws {
        try await withKilnTestServer(handler: { request in
            .text("echo \(request.method) \(request.path) \(request.queryValue("q") ?? "-")", headers: [TestHeader("X-Seen", request.header("x-test") ?? "")])
        }) { server in
            #expect(server.baseURL.absoluteString == "http://127.0.0.1:\(server.port)")
            let transport = URLSessionTransport()
            let response = try await transport.send(HTTPRequest(path: "/p/a%20b", query: ["q": "x y"], headers: ["X-Test": "1"]), baseURL: server.baseURL)
            #expect(String(decoding: response.body, as: UTF8.self) == "echo GET /p/a%20b x y")
            #expect(response.headers["x-seen"] == "1")
            #expect(server.requests.count == 1)
            #expect(server.requests.first?.query == "q=x%20y")
            server.clearRequests()
            #expect(server.requests.isEmpty)
        }
    }

    @Test func chunkedRequestBodiesAreDecoded() async throws {
        try await withKilnTestServer(handler: { request in .text("got \(request.body.count)") }) { server in
            let connection = try RawConnection(port: server.port)
            connection.send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
            let response = try #require(await connection.readResponse())
            #expect(response.head.hasPrefix("HTTP/1.1 200 OK"))
            #expect(response.body == "got 5")
            #expect(server.requests.first?.bodyText == "abcde")
        }
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() async throws {
        try await withKilnTestServer(handler: { request in .text(request.path) }) { server in
            let connection = try RawConnection(port: server.port)
            connection.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await connection.readResponse()?.body == "/one")
            connection.send("GET /two HTTP/1.1\r\nHost: x\r\n\r\nGET /three HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(await connection.readResponse()?.body == "/two")
            let last = try #require(await connection.readResponse())
            #expect(last.body == "/three")
            #expect(last.head.contains("Connection: close"))
            #expect(await connection.isClosedByPeer())
            #expect(server.requests.map(\.path) == ["/one", "/two", "/three"])
        }
    }

    @Test func answersExpectContinueBeforeTheBody() async throws {
        try await withKilnTestServer(handler: { request in .text(request.bodyText) }) { server in
            let connection = try RawConnection(port: server.port)
            connection.send("PUT /x HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
            let interim = try #require(await connection.readResponse())
            #expect(interim.head == "HTTP/1.1 100 Continue")
            connection.send("ok")
            #expect(await connection.readResponse()?.body == "ok")
        }
    }

    @Test func headResponsesHaveNoBody() async throws {
        try await withKilnTestServer(handler: { _ in .text("twelve bytes") }) { server in
            let response = try await URLSessionTransport().send(HTTPRequest(method: .head, path: "/"), baseURL: server.baseURL)
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(response.headers["Content-Length"] == "12")
        }
    }

    @Test func malformedRequestsGet400() async throws {
        try await withKilnTestServer(handler: { _ in .text("unreachable") }) { server in
            let connection = try RawConnection(port: server.port)
            connection.send("THIS IS NOT HTTP\r\n\r\n")
            #expect(await connection.readResponse()?.head.hasPrefix("HTTP/1.1 400") == true)
            #expect(server.requests.isEmpty)
        }
    }

    @Test func stopEndsAllThreadsEvenWithIdleConnections() async throws {
        let server = try KilnTestServer { _ in .text("hi") }
        let idle = try RawConnection(port: server.port)
        idle.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await idle.readResponse()?.body == "hi")
        #expect(server.liveThreadCount == 2)
        await server.stop()
        #expect(server.liveThreadCount == 0)
        #expect(await idle.isClosedByPeer())
        await server.stop()
        #expect(server.liveThreadCount == 0)
    }

    @Test func concurrentClientsAreServed() async throws {
        try await withKilnTestServer(handler: { request in .text(request.queryValue("i") ?? "") }) { server in
            let transport = URLSessionTransport()
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        let response = try await transport.send(HTTPRequest(path: "/", query: ["i": "\(index)"]), baseURL: server.baseURL)
                        return String(decoding: response.body, as: UTF8.self)
                    }
                }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(bodies == Set((0..<20).map(String.init)))
            #expect(server.requests.count == 20)
        }
    }
}
