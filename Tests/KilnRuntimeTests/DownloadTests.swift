import Foundation
import Testing
@testable import KilnRuntime
import KilnTestServer

/// `APIClientCore.download(for:to:)`: the body goes to a file chunk by chunk, and only a complete file stays.
@Suite struct DownloadTests {
    private func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kiln-download-\(UUID().uuidString).bin")
    }

    @Test(.timeLimit(.minutes(1))) func aChunkedBodyLandsInTheFile() async throws {
        let chunks = (0..<64).map { index in Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &+ index) }) }
        let steps = chunks.flatMap { [StreamStep.chunk($0), .pause(0.001)] }
        let file = temporaryFile()
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("old contents that are longer than nothing".utf8).write(to: file)
        try await withKilnTestServer(handler: { _ in .streamed(steps, headers: [TestHeader("Content-Type", "application/zip")]) }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let response = try await core.download(for: HTTPRequest(path: "/export"), to: file, operationID: "export", accept: "application/zip")
            #expect(response.body == file)
            #expect(response.headers["Content-Type"] == "application/zip")
            #expect(try Data(contentsOf: file) == chunks.reduce(Data(), +))
            #expect(server.requests.first?.header("Accept") == "application/zip")
        }
    }

    @Test(.timeLimit(.minutes(1))) func aConnectionLostMidwayLeavesNoFile() async throws {
        let file = temporaryFile()
        try await withKilnTestServer(handler: { _ in .streamed([.text("partial"), .pause(0.02), .abort]) }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let error = try await #require(throws: ClientError.self) {
                _ = try await core.download(for: HTTPRequest(path: "/export"), to: file, operationID: "export")
            }
            #expect(error.kind == .transport)
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
    }

    @Test(.timeLimit(.minutes(1))) func anErrorStatusThrowsBeforeAnyFileIsMade() async throws {
        let file = temporaryFile()
        try await withKilnTestServer(handler: { _ in .text("gone", status: 410) }) { server in
            let core = APIClientCore(baseURL: server.baseURL)
            let error = try await #require(throws: APIError.self) {
                _ = try await core.download(for: HTTPRequest(path: "/export"), to: file, operationID: "export")
            }
            #expect(error.status == 410)
            #expect(String(decoding: error.body, as: UTF8.self) == "gone")
            #expect(!FileManager.default.fileExists(atPath: file.path))
        }
    }

    @Test func anUnwritableDestinationIsAnUnexpectedResponse() async throws {
        let file = temporaryFile().appendingPathComponent("missing-folder/file.bin")
        let core = APIClientCore(baseURL: URL(string: "http://127.0.0.1:9")!, transport: ClosureTransport { _, _ in HTTPResponse(status: 200, body: Data("x".utf8)) })
        let error = try await #require(throws: ClientError.self) {
            _ = try await core.download(for: HTTPRequest(path: "/export"), to: file, operationID: "export")
        }
        #expect(error.kind == .unexpectedResponse)
        #expect(error.message.contains(file.path))
    }
}
