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

    /// Darwin's path: URLSession uploads from a file.
    @Test func aSingleFileBodyUploadsFromThatFileAndSeveralPartsFromATemporaryOne() throws {
        let file = URL(fileURLWithPath: "/tmp/kiln-upload.bin")
        guard case .file(let own, let ownIsTemporary) = try URLSessionUpload.file(for: .file(file)) else { Issue.record("not a file"); return }
        #expect(own == file)
        #expect(!ownIsTemporary)
        let parts = try URLSessionUpload.file(for: RequestBodyStream([.data(Data("a".utf8)), .data(Data("b".utf8))]))
        guard case .file(let written, let isTemporary) = parts else { Issue.record("not a file"); return }
        #expect(isTemporary)
        #expect(try Data(contentsOf: written) == Data("ab".utf8))
        parts.remove()
        #expect(!FileManager.default.fileExists(atPath: written.path))
    }

    /// Linux's path: libcurl reads the parts through an InputStream, no temporary file.
    @Test func theBodyInputStreamReadsThePartsInOrderAndEndsWithZero() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-\(UUID().uuidString).bin")
        try Data("file".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let stream = BodyInputStream(RequestBodyStream([.data(Data("<".utf8)), .file(file), .data(Data(">".utf8))]))
        #expect(stream.streamStatus == .notOpen)
        stream.open()
        var read = Data()
        var buffer = [UInt8](repeating: 0, count: 3)
        while stream.hasBytesAvailable {
            let count = stream.read(&buffer, maxLength: buffer.count)
            #expect(count >= 0)
            read.append(contentsOf: buffer[..<count])
        }
        #expect(read == Data("<file>".utf8))
        #expect(stream.streamStatus == .atEnd)
    }

    @Test func aBodyInputStreamOverAVanishedFileReportsAnError() {
        let stream = BodyInputStream(.file(URL(fileURLWithPath: "/nonexistent/kiln.bin")))
        stream.open()
        var buffer = [UInt8](repeating: 0, count: 8)
        #expect(stream.read(&buffer, maxLength: buffer.count) == -1)
        #expect(stream.streamStatus == .error)
        #expect(stream.streamError != nil)
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
