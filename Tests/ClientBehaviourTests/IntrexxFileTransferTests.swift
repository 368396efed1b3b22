import Foundation
import IntrexxAdmin
import IntrexxAdminMocks
import KilnRuntime
import KilnTestServer
import Testing

/// The generated client's file transfers (issue 12): an application import whose zip part streams from a
/// file, the diagnosis zip as chunks, and the mock's file download and chunks served from its `Data` handler.
@Suite struct IntrexxFileTransferTests {
    /// A few MiB of patterned bytes in a temporary file; the caller removes it.
    private func temporaryZip(bytes count: Int) throws -> (URL, Data) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-export-\(UUID().uuidString).zip")
        let data = Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ $0 >> 11) })
        try data.write(to: url)
        return (url, data)
    }

    @Test(.timeLimit(.minutes(1))) func anImportStreamsItsZipPartFromAFile() async throws {
        let (zip, bytes) = try temporaryZip(bytes: 3 << 20)
        defer { try? FileManager.default.removeItem(at: zip) }
        try await withKilnTestServer(handler: { _ in .json(#"{"imported": []}"#) }) { server in
            let intrexx = IntrexxClient(baseURL: server.baseURL)
            let result = try await intrexx.applications.import(portal: "portal", file: .file(zip), importData: true)
            #expect(result.imported == [])
            let request = try #require(server.requests.first)
            #expect(request.method == "POST" && request.path == "/portal/applications")
            let parts = try #require(ContractCheck.multipartParts(request))
            #expect(parts.map(\.name) == ["file", "importData"])
            #expect(parts[0].body == bytes)
            #expect(parts[0].filename == zip.lastPathComponent)
            #expect(parts[0].contentType == "application/zip")
            #expect(String(decoding: parts[1].body, as: UTF8.self) == "true")
        }
    }

    @Test func anImportFromBytesNamesThePartAfterTheField() async throws {
        try await withKilnTestServer(handler: { _ in .json(#"{"imported": []}"#) }) { server in
            let intrexx = IntrexxClient(baseURL: server.baseURL)
            _ = try await intrexx.applications.overwrite(portal: "portal", file: .data(Data("PK".utf8)))
            let request = try #require(server.requests.first)
            let parts = try #require(ContractCheck.multipartParts(request))
            #expect(parts.map(\.name) == ["file"])
            #expect(parts[0].body == Data("PK".utf8))
            #expect(parts[0].filename == "file.zip")
        }
    }

    @Test func aMissingFileFailsBeforeAnythingIsSent() async throws {
        try await withKilnTestServer(handler: { _ in .json(#"{"imported": []}"#) }) { server in
            let intrexx = IntrexxClient(baseURL: server.baseURL)
            let missing = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-missing-\(UUID().uuidString).zip")
            let error = try await #require(throws: ClientError.self) {
                _ = try await intrexx.applications.import(portal: "portal", file: .file(missing))
            }
            #expect(error.kind == .encoding)
            #expect(server.requests.isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1))) func theDiagnosisZipArrivesAsChunks() async throws {
        let pieces = (0..<32).map { index in Data(repeating: UInt8(index), count: 65_536) }
        let steps = pieces.flatMap { [StreamStep.chunk($0), .pause(0.001)] }
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: [TestHeader("Content-Type", "application/zip")]) }) { server in
            let intrexx = IntrexxClient(baseURL: server.baseURL)
            var received = Data()
            var chunkCount = 0
            for try await chunk in try await intrexx.diagnosis.downloadChunks(portal: "portal") {
                received.append(chunk)
                chunkCount += 1
            }
            #expect(received == pieces.reduce(Data(), +))
            #expect(chunkCount > 1)
            #expect(server.requests.first?.path == "/portal/diagnosis")
            #expect(server.requests.first?.header("Accept") == "application/zip")
        }
    }

    @Test func anErrorStatusThrowsBeforeTheFirstChunk() async throws {
        try await withKilnTestServer(handler: { _ in .json(#"{"message": "no session"}"#, status: 401) }) { server in
            let intrexx = IntrexxClient(baseURL: server.baseURL)
            let error = try await #require(throws: APIError.self) {
                _ = try await intrexx.diagnosis.downloadChunks(portal: "portal")
            }
            #expect(error.status == 401)
        }
    }

    @Test func theMockWritesItsBytesToTheDestinationAndHandsThemOutAsChunks() async throws {
        let mock = IntrexxClientMock()
        mock.diagnosis.downloadStub.handler = { portal in Data("zip of \(portal)".utf8) }
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-mock-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: destination) }

        // Through the protocol, as app code that takes the real client or the mock would call it.
        func fetch(_ api: some IntrexxAPI) async throws -> (URL, Data) {
            let file = try await api.diagnosis.download(portal: "p1", to: destination)
            var chunks = Data()
            for try await chunk in try await api.diagnosis.downloadChunks(portal: "p2") { chunks.append(chunk) }
            return (file, chunks)
        }
        let (file, chunks) = try await fetch(mock)
        #expect(file == destination)
        #expect(try Data(contentsOf: destination) == Data("zip of p1".utf8))
        #expect(chunks == Data("zip of p2".utf8))
        #expect(mock.diagnosis.downloadStub.calls == ["p1", "p2"])
    }

    @Test func theMockAnswersTheFieldByFieldImportThroughThePlainHandler() async throws {
        let mock = IntrexxClientMock()
        mock.applications.importStub.handler = { _ in ImportResult() }
        let zip = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-mock-\(UUID().uuidString).zip")
        try Data("PK zip bytes".utf8).write(to: zip)
        defer { try? FileManager.default.removeItem(at: zip) }

        // Through the protocol: app code calls the overload on the real client or the mock alike.
        func upload(_ api: some IntrexxAPI) async throws {
            _ = try await api.applications.import(portal: "p1", file: .file(zip), importData: true)
            _ = try await api.applications.import(portal: "p2", file: .data(Data("raw".utf8)))
        }
        try await upload(mock)
        let calls = mock.applications.importStub.calls
        #expect(calls.map(\.portal) == ["p1", "p2"])
        #expect(calls.map(\.body) == [
            ApplicationImport(file: Data("PK zip bytes".utf8), importData: true),
            ApplicationImport(file: Data("raw".utf8)),
        ])
    }
}
