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
}
