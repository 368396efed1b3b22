import Foundation
import Testing
@testable import KilnRuntime

/// The examples of the WHATWG HTML standard, "Server-sent events" (9.2), and its parsing rules.
@Suite struct ServerSentEventWHATWGExampleTests {
    @Test func multiLineDataJoinsWithLineFeeds() async throws {
        let events = try await textEvents(["data: YHOO\ndata: +2\ndata: 10\n\n"])
        #expect(events == [ServerSentEvent(data: "YHOO\n+2\n10")])
    }

    @Test func commentsIDsAndTheSingleStrippedSpace() async throws {
        let stream = ": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n"
        // The last block has no blank line after it: the stream ends inside it, so it is not dispatched.
        #expect(try await textEvents([stream]) == [ServerSentEvent(data: "first event", id: "1"), ServerSentEvent(data: "second event")])
        #expect(try await textEvents([stream + "\n"]).last == ServerSentEvent(data: " third event"))
    }

    @Test func dataFieldsWithoutValues() async throws {
        let events = try await textEvents(["data\n\ndata\ndata\n\ndata:"])
        #expect(events == [ServerSentEvent(data: ""), ServerSentEvent(data: "\n")])
    }

    @Test func aSpaceAfterTheColonIsOptional() async throws {
        #expect(try await textEvents(["data:test\n\ndata: test\n\n"]) == [ServerSentEvent(data: "test"), ServerSentEvent(data: "test")])
    }

    @Test func eventTypes() async throws {
        let events = try await textEvents(["event: add\ndata: 73857293\n\nevent: remove\ndata: 2153\n\nevent: add\ndata: 113411\n\n"])
        #expect(events.map(\.event) == ["add", "remove", "add"])
        #expect(events.map(\.data) == ["73857293", "2153", "113411"])
    }
}

@Suite struct ServerSentEventParsingTests {
    @Test(arguments: ["\n", "\r", "\r\n"])
    func everyLineEnd(_ end: String) async throws {
        let events = try await textEvents(["event: e\(end)data: a\(end)data: b\(end)\(end)data: c\(end)\(end)"])
        #expect(events == [ServerSentEvent(event: "e", data: "a\nb"), ServerSentEvent(data: "c")])
    }

    @Test func aCRLFSplitAcrossChunksIsOneLineEnd() async throws {
        // Read as CR then LF, the LF would be a blank line dispatching "a" alone.
        #expect(try await textEvents(["data: a\r", "\ndata: b\r", "\n\r", "\n"]) == [ServerSentEvent(data: "a\nb")])
    }

    @Test func oneLeadingByteOrderMarkIsDropped() async throws {
        let bom = [UInt8]([0xEF, 0xBB, 0xBF])
        let body = ResponseBody(chunks: [Data(bom.prefix(1)), Data(bom.dropFirst() + Array("data: x\n\n".utf8))])
        #expect(try await collect(ServerSentEventStream<String>(body, operationID: "op")) == [ServerSentEvent(data: "x")])
        // A second mark is part of the field name, which is then unknown.
        #expect(try await textEvents(["\u{FEFF}\u{FEFF}data: x\n\n"]).isEmpty)
    }

    @Test func retryTakesOnlyDigits() async throws {
        let events = try await textEvents(["retry: 1500\ndata: a\n\nretry: 15x\ndata: b\n\nretry: -1\nretry:\nretry: 2000 \ndata: c\n\nretry:  30\ndata: d\n\n"])
        #expect(events.map(\.retry) == [1500, 1500, 1500, 1500])
        #expect(try await textEvents(["retry:30\ndata: e\n\n"]).first?.retry == 30)
    }

    @Test func anIDWithNULIsIgnoredAndIDsCarryOver() async throws {
        let events = try await textEvents(["id: 7\ndata: a\n\ndata: b\n\nid: x\u{0}y\ndata: c\n\nid:\ndata: d\n\n"])
        #expect(events.map(\.id) == ["7", "7", "7", nil])
    }

    @Test func noEventWithoutDataAndTheTypeResets() async throws {
        let events = try await textEvents(["event: ping\n\nid: 3\n\n: only a comment\n\nevent: x\nunknown: y\n\ndata: z\n\n"])
        #expect(events == [ServerSentEvent(event: "message", data: "z", id: "3")])
    }

    @Test func aFieldWithoutColonHasAnEmptyValue() async throws {
        #expect(try await textEvents(["event\ndata\n\n"]) == [ServerSentEvent(event: "message", data: "")])
    }

    @Test func colonsAfterTheFirstBelongToTheValue() async throws {
        #expect(try await textEvents(["data: a: b:c\n\n"]).first?.data == "a: b:c")
    }

    @Test func aStreamEndingMidEventDropsIt() async throws {
        #expect(try await textEvents(["data: a\n\ndata: b\n"]) == [ServerSentEvent(data: "a")])
        #expect(try await textEvents(["data: a\n\ndata: b"]) == [ServerSentEvent(data: "a")])
        #expect(try await textEvents(["data: a\n\nevent: x\ndata: b\r"]) == [ServerSentEvent(data: "a")])
    }

    @Test func tenThousandEventsSplitAtRandomInsideEvents() async throws {
        let expected = (0..<10_000).map { index in
            ServerSentEvent(event: index % 3 == 0 ? "tick" : "message", data: "event \(index)\nline 2 ✓", id: "\(index)")
        }
        var text = ": stream start\r\n"
        let ends = ["\n", "\r", "\r\n"]
        for (index, event) in expected.enumerated() {
            let end = ends[index % 3]
            if event.event != "message" { text += "event: \(event.event)\(end)" }
            text += "id: \(index)\(end)data: event \(index)\(end)data:line 2 ✓\(end)\(end)"
        }
        var generator = SeededGenerator(seed: 12)
        let chunks = randomChunks(Array(text.utf8), maxChunk: 97, using: &generator)
        #expect(chunks.count > 5_000)
        let events = try await collect(ServerSentEventStream<String>(ResponseBody(chunks: chunks), operationID: "op"))
        #expect(events.count == expected.count)
        #expect(events == expected)
    }
}

@Suite struct ServerSentEventPayloadTests {
    struct Tick: Decodable, Equatable, Sendable {
        var count: Int
    }

    @Test func jsonDataDecodesAsThePayload() async throws {
        let body = ResponseBody(chunks: [Data("data: {\"count\":\n".utf8), Data("data: 1}\n\ndata: {\"count\": 2}\n\n".utf8)])
        let events = try await collect(ServerSentEventStream<Tick>(body, operationID: "ticks"))
        #expect(events.map(\.data) == [Tick(count: 1), Tick(count: 2)])
    }

    @Test func dataThatDoesNotDecodeFailsTheSequenceQuotingItsLine() async throws {
        let body = ResponseBody(Data("data: {\"count\": 1}\n\n: note\ndata: {\"count\": \"x\"}\n\ndata: {\"count\": 3}\n\n".utf8))
        var iterator = ServerSentEventStream<Tick>(body, operationID: "ticks").makeAsyncIterator()
        #expect(try await iterator.next()?.data == Tick(count: 1))
        let error = try await #require(throws: ClientError.self) { try await iterator.next() }
        #expect(error.kind == .decoding)
        #expect(error.operationID == "ticks")
        #expect(error.message.contains("line 4 (byte 27)"))
        #expect(error.message.contains(#""{"count": "x"}""#))
        let failure = try #require(error.underlyingError as? StreamItemError)
        #expect(failure.line == 4)
        #expect(try await iterator.next() == nil)
    }
}
