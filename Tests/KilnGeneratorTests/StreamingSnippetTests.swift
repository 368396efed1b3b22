import Foundation
import KilnGenerator
import Testing

/// Streamed media types become async sequences of events or decoded items (issue 12).
@Suite struct StreamingSnippetTests {
    static let fixture: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Compile/Fixtures/streaming.yaml").standardized
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test func eventStreamsReturnServerSentEventsWithTheSchemaAsPayload() throws {
        let code = try generatedSwift(Self.fixture)
        #expect(code.contains("public func streamTicks() async throws -> ServerSentEventStream<Tick> {"))
        #expect(code.contains(#"core.serverSentEvents(Tick.self, for: request, operationID: "streamTicks", errors: [.range(4, Problem.self)])"#))
        // A string schema, and 3.2's event-shaped itemSchema whose data is a string, keep the data as text.
        #expect(code.contains("public func streamLog(since: String? = nil) async throws -> ServerSentEventStream<String> {"))
        #expect(code.contains("public func streamNotifications() async throws -> ServerSentEventStream<String> {"))
    }

    @Test func jsonLinesAndSequencesReturnDecodedItems() throws {
        let code = try generatedSwift(Self.fixture)
        // The array schema's items, the 3.2 itemSchema, an inline schema, and no schema at all.
        #expect(code.contains(#"core.jsonItems(User.self, framing: .lines, for: request, operationID: "exportUsers", accept: "application/jsonl")"#))
        #expect(code.contains(#"core.jsonItems(User.self, framing: .lines, for: request, operationID: "exportUsersNDJSON", accept: "application/x-ndjson")"#))
        #expect(code.contains("async throws -> JSONItemStream<ExportUsersSequenceItem> {"))
        #expect(code.contains("framing: .textSequence"))
        #expect(code.contains("public struct ExportUsersSequenceItem: Codable"))
        #expect(code.contains("public func exportAnything() async throws -> JSONItemStream<JSONValue> {"))
    }

    @Test func contractTestsReplayOneEventOrItem() throws {
        let code = try generatedSwift(Self.fixture, GeneratorConfiguration(mode: .tests, clientName: "StreamingClient"))
        #expect(code.contains(#"body: Data(("data: " + reply + "\n\n").utf8))"#))
        #expect(code.contains(#"body: Data(("\u{1E}" + reply + "\n").utf8))"#))
        #expect(code.contains("for try await item in result { items.append(item.data) }"))
        #expect(code.contains("#expect(try ContractCheck.roundTripDifference(items[0], reply) == nil)"))
    }

    /// A binary download, an operation that already takes its chunk sequence's name, and a multipart upload.
    static let binarySpec = """
        openapi: 3.1.0
        info: {title: Files, version: "1"}
        paths:
          /exports/{id}:
            get:
              operationId: download
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: since, in: query, schema: {type: string}}
              responses:
                "200": {description: zip, content: {application/zip: {schema: {type: string, format: binary}}}}
                "404": {description: missing, content: {application/json: {schema: {$ref: "#/components/schemas/Problem"}}}}
          /chunks:
            get:
              operationId: downloadChunks
              responses:
                "204": {description: none}
          /imports:
            post:
              operationId: upload
              parameters:
                - {name: mode, in: query, schema: {type: string}}
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [archive]
                      properties:
                        archive: {type: string, format: binary}
                        attachments: {type: array, items: {type: string, format: binary}}
                        mode: {type: string, enum: [merge, replace]}
                    encoding:
                      archive: {contentType: application/zip}
              responses:
                "204": {description: imported}
        components:
          schemas:
            Problem: {type: object, properties: {title: {type: string}}}
        """

    @Test func binaryResponsesGetAChunkSequenceAndAFileDownload() throws {
        let code = try generatedSwift(Self.binarySpec)
        #expect(code.contains("public func download(id: String, since: String? = nil) async throws -> Data {"))
        #expect(code.contains("public func download(id: String, since: String? = nil, to destination: URL) async throws -> URL {"))
        // `downloadChunks` is the next operation's name, so the sequence takes the next free one.
        #expect(code.contains("public func downloadChunks2(id: String, since: String? = nil) async throws -> ResponseBody {"))
        #expect(code.contains(#"return try await core.byteChunks(for: request, operationID: "download", errors: [.status(404, Problem.self)], accept: "application/zip").body"#))
        #expect(code.contains("public func downloadChunks() async throws {"))
    }

    @Test func mocksServeTheFileDownloadAndChunksFromTheDataHandler() throws {
        let code = try generatedSwift(Self.binarySpec)
        #expect(code.contains("func download(id: String, since: String?, to destination: URL) async throws -> URL\n"))
        #expect(code.contains("func downloadChunks2(id: String, since: String?) async throws -> ResponseBody\n"))
        #expect(code.contains("try await downloadStub.call((id: id, since: since), writingTo: destination)"))
        #expect(code.contains("try await downloadStub.chunks((id: id, since: since))"))
        // The protocol's default-argument forwarder passes the destination with its label.
        #expect(code.contains("try await self.download(id: id, since: since, to: destination)"))
        // The three share one handler: no stub of their own.
        #expect(!code.contains("downloadChunks2Stub"))
    }

    @Test func multipartFilePartsCanStreamFromAFile() throws {
        let code = try generatedSwift(Self.binarySpec)
        #expect(code.contains("public func upload(_ body: UploadRequest, mode: String? = nil) async throws {"))
        // The fields in the body's place, file parts without defaults; the query parameter keeps `mode`.
        #expect(code.contains("public func upload(archive: UploadBody, attachments: [UploadBody]?, mode2: UploadRequest.Mode? = nil, mode: String? = nil) async throws {"))
        #expect(code.contains(#"try form.addFile("archive", archive, contentType: "application/zip", operationID: "upload")"#))
        #expect(code.contains(#"try form.addFile("attachments", attachments, contentType: nil, operationID: "upload")"#))
        #expect(code.contains(#"form.addText("mode", mode2)"#))
        #expect(code.contains(#"request.addQuery("mode", mode)"#))
    }
}
