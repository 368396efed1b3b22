import Foundation
import Testing
import KilnRuntime
import KilnTestServer

/// Uploads from a file URL go out as a `RequestBodyStream`, read from disk as sent; the server must get
/// exactly the file's bytes, on the buffered and the streamed path of every transport.
@Suite struct UploadTests {
    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aFileUploadSendsExactlyTheFilesBytes(_ kind: TransportKind) async throws {
        let (file, contents) = try temporaryFile(bytes: 3 * 1024 * 1024 + 17)
        defer { try? FileManager.default.removeItem(at: file) }
        try await withKilnTestServer(handler: { request in .text("\(request.body.count)") }) { server in
            let core = APIClientCore(baseURL: server.baseURL, transport: kind.make())
            var request = HTTPRequest(method: .put, path: "/import")
            try request.setBinaryBody(.file(file), contentType: "application/zip", operationID: "import")
            #expect(request.body == nil)
            #expect(request.bodyStream == .file(file))
            let response = try await core.send(request, operationID: "import")
            #expect(String(decoding: response.body, as: UTF8.self) == "\(contents.count)")
            let recorded = try #require(server.requests.first)
            #expect(recorded.body == contents)
            #expect(recorded.header("Content-Type") == "application/zip")
            #expect(recorded.header("Content-Length") == "\(contents.count)")
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aStreamedCallUploadsTheFileToo(_ kind: TransportKind) async throws {
        let (file, contents) = try temporaryFile(bytes: 1024 * 1024)
        defer { try? FileManager.default.removeItem(at: file) }
        try await withKilnTestServer(handler: { _ in .streamed([.text("done")]) }) { server in
            let (head, body) = try await kind.make().stream(HTTPRequest(method: .post, path: "/u", bodyStream: .file(file)), baseURL: server.baseURL)
            #expect(head.status == 200)
            #expect(try await body.collect(upTo: 100) == Data("done".utf8))
            #expect(server.requests.first?.body == contents)
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TransportKind.allCases)
    func aMultipartFormStreamsItsFileParts(_ kind: TransportKind) async throws {
        let (file, contents) = try temporaryFile(bytes: 700_000, named: "kiln-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: file) }
        var form = MultipartFormData(boundary: "kiln-test-boundary")
        form.addField(name: "note", value: "first")
        try form.addFile(name: "archive", fileURL: file)
        form.addFile(name: "small", filename: "s.txt", contentType: "text/plain", data: Data("tiny".utf8))
        var request = HTTPRequest(method: .post, path: "/forms")
        request.setMultipartBody(form)
        #expect(request.body == nil)
        #expect(request.bodyStream?.parts.contains(.file(file)) == true)
        try await withKilnTestServer(handler: { _ in .text("ok") }) { server in
            _ = try await APIClientCore(baseURL: server.baseURL, transport: kind.make()).send(request, operationID: "forms")
            let recorded = try #require(server.requests.first)
            #expect(recorded.body == form.encoded())
            let parts = try #require(ContractCheck.multipartParts(recorded))
            #expect(parts.map(\.name) == ["note", "archive", "small"])
            #expect(parts[1].filename == file.lastPathComponent)
            #expect(parts[1].body == contents)
        }
    }
}
