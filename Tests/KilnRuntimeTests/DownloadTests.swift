import Foundation
import Testing
@testable import KilnRuntime
import KilnTestServer

/// `APIClientCore.download(for:to:)`: the body goes to a file chunk by chunk, and only a complete file stays
/// (over both transports in Tests/KilnAsyncHTTPClientTests).
@Suite struct DownloadTests {
    private func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kiln-download-\(UUID().uuidString).bin")
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
