import Foundation
import Testing
@testable import KilnRuntime
import KilnTestServer

// Sending, streaming and cancelling are tested over URLSessionTransport and AsyncHTTPClientTransport alike in
// Tests/KilnAsyncHTTPClientTests; these are URLSessionTransport's own.
@Suite struct URLSessionTransportTests {
    @Test func urlRequestCarriesRepeatedHeaders() throws {
        let request = HTTPRequest(method: .post, path: "/x", query: ["a": "b c"], headers: ["X-A": "1", "X-A": "2"], body: Data("b".utf8))
        let urlRequest = try URLSessionTransport.makeURLRequest(request, baseURL: URL(string: "http://127.0.0.1:9/api")!)
        #expect(urlRequest.url?.absoluteString == "http://127.0.0.1:9/api/x?a=b%20c")
        #expect(urlRequest.httpMethod == "POST")
        #expect(urlRequest.value(forHTTPHeaderField: "x-a") == "1,2")
        #expect(urlRequest.httpBody == Data("b".utf8))
    }

    @Test func aSingleFileBodyUploadsFromThatFileAndSeveralPartsFromATemporaryOne() throws {
        let file = URL(fileURLWithPath: "/tmp/kiln-upload.bin")
        let own = try #require(try URLSessionTransport.uploadFile(.file(file)))
        #expect(own.file == file)
        #expect(!own.isTemporary)
        let parts = try #require(try URLSessionTransport.uploadFile(RequestBodyStream([.data(Data("a".utf8)), .data(Data("b".utf8))])))
        #expect(parts.isTemporary)
        #expect(try Data(contentsOf: parts.file) == Data("ab".utf8))
        parts.remove()
        #expect(!FileManager.default.fileExists(atPath: parts.file.path))
    }
}

@Suite struct RequestBodyStreamTests {
    @Test func aTransportThatCannotStreamBodiesGetsTheFileCollected() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-\(UUID().uuidString).bin")
        try Data("file bytes".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let seen = Collector<HTTPRequest>()
        let transport = ClosureTransport { request, _ in
            seen.append(request)
            return HTTPResponse(status: 204)
        }
        var request = HTTPRequest(method: .post, path: "/u")
        try request.setBinaryBody(.file(file), contentType: "application/octet-stream", operationID: "u")
        _ = try await APIClientCore(baseURL: URL(string: "http://127.0.0.1:9")!, transport: transport).send(request, operationID: "u")
        #expect(seen.values.first?.body == Data("file bytes".utf8))
        #expect(seen.values.first?.bodyStream == nil)
    }

    @Test func aMissingUploadFileFailsBeforeSending() {
        var request = HTTPRequest(method: .post, path: "/u")
        let error = #expect(throws: ClientError.self) {
            try request.setBinaryBody(.file(URL(fileURLWithPath: "/nonexistent/kiln.zip")), contentType: "application/zip", operationID: "u")
        }
        #expect(error?.kind == .encoding)
        #expect(error?.message.contains("/nonexistent/kiln.zip") == true)
    }

    @Test func chunksReadThePartsInOrderAtMostChunkSizeFromAFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-\(UUID().uuidString).bin")
        let contents = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0) })
        try contents.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let body = RequestBodyStream([.data(Data("<".utf8)), .file(file), .data(Data()), .data(Data(">".utf8))])
        #expect(try body.length() == 1002)
        let chunks = try await collect(body.chunks(chunkSize: 300))
        #expect(chunks.map(\.count) == [1, 300, 300, 300, 100, 1])
        #expect(chunks.reduce(Data(), +) == Data("<".utf8) + contents + Data(">".utf8))
        #expect(try body.collected() == chunks.reduce(Data(), +))
    }
}
