import Foundation
import Testing
@testable import KilnRuntime

@Suite struct JSONItemStreamTests {
    struct Item: Decodable, Equatable, Sendable {
        var id: Int
    }

    private func items(_ chunks: [String], framing: JSONItemStream<Item>.Framing) -> JSONItemStream<Item> {
        JSONItemStream(ResponseBody(chunks: chunks.map { Data($0.utf8) }), framing: framing, operationID: "list")
    }

    @Test func linesSplitAnywhereDecodeInOrder() async throws {
        let text = (0..<500).map { #"{"id": \#($0)}"# + ($0 % 2 == 0 ? "\n" : "\r\n") }.joined()
        var generator = SeededGenerator(seed: 7)
        let chunks = randomChunks(Array(text.utf8), maxChunk: 13, using: &generator)
        let decoded = try await collect(JSONItemStream<Item>(ResponseBody(chunks: chunks), framing: .lines, operationID: "list"))
        #expect(decoded == (0..<500).map(Item.init))
    }

    @Test func blankLinesAreSkippedAndTheLastLineMayLackItsEnd() async throws {
        #expect(try await collect(items([#"{"id": 1}"# + "\n\n  \n" + #"{"id""#, #": 2}"#], framing: .lines)) == [Item(id: 1), Item(id: 2)])
    }

    @Test func aBadLineInTheMiddleFailsTheSequenceWithItsPosition() async throws {
        var iterator = items([#"{"id": 1}"# + "\n" + #"{"id": 2}"# + "\n{\"id\": tw", "o}\n" + #"{"id": 4}"# + "\n"], framing: .lines).makeAsyncIterator()
        #expect(try await iterator.next() == Item(id: 1))
        #expect(try await iterator.next() == Item(id: 2))
        let error = try await #require(throws: ClientError.self) { try await iterator.next() }
        #expect(error.kind == .decoding)
        #expect(error.message.contains("line 3 (byte 20)"))
        #expect(error.message.contains(#""{"id": two}""#))
        let failure = try #require(error.underlyingError as? StreamItemError)
        #expect(failure.text == #"{"id": two}"#)
        #expect(failure.byteOffset == 20)
        #expect(try await iterator.next() == nil)
    }

    @Test func textSequencesSplitAtRecordSeparators() async throws {
        let decoded = try await collect(items(["\u{1E}{\"id\": 1}\n\u{1E}", "\u{1E}{\"id\":", " 2}\n\u{1E}{\"id\": 3}"], framing: .textSequence))
        #expect(decoded == [Item(id: 1), Item(id: 2), Item(id: 3)])
    }

    @Test func aTextSequenceNumberWithoutLineFeedMayBeTruncated() async throws {
        let stream = JSONItemStream<Int>(ResponseBody(Data("\u{1E}12\n\u{1E}34".utf8)), framing: .textSequence, operationID: "n")
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == 12)
        let error = try await #require(throws: ClientError.self) { try await iterator.next() }
        #expect(error.message.contains("record 2 (byte 5)"))
        #expect(error.message.contains("truncated"))
    }

    @Test func mediaTypesNameTheirFraming() {
        #expect(JSONItemStream<Item>.framing(forMediaType: "application/jsonl") == .lines)
        #expect(JSONItemStream<Item>.framing(forMediaType: "Application/X-NDJSON; charset=utf-8") == .lines)
        #expect(JSONItemStream<Item>.framing(forMediaType: "application/json-seq") == .textSequence)
        #expect(JSONItemStream<Item>.framing(forMediaType: "application/json") == nil)
    }
}
