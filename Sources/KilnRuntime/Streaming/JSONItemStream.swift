import Foundation

/// The items of a JSON Lines / NDJSON (`application/jsonl`, `application/x-ndjson`) or JSON Text
/// Sequence (`application/json-seq`, RFC 7464) body, decoded one by one as they arrive.
///
/// Blank lines (and empty records) are skipped. A line that does not decode fails the sequence with a
/// `.decoding` `ClientError` that quotes it with its line number and byte offset; nothing after it is read.
public struct JSONItemStream<Item: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item

    /// How the items are framed.
    public enum Framing: Sendable {
        /// One JSON text per line (LF or CRLF); the last line may lack its line end.
        case lines
        /// Each JSON text starts with 0x1E and should end with LF.
        case textSequence
    }

    private let body: ResponseBody
    private let framing: Framing
    private let operationID: String
    private let makeDecoder: @Sendable () -> JSONDecoder

    public init(
        _ body: ResponseBody, framing: Framing, operationID: String,
        makeDecoder: @escaping @Sendable () -> JSONDecoder = JSONCoding.makeDecoder
    ) {
        self.body = body
        self.framing = framing
        self.operationID = operationID
        self.makeDecoder = makeDecoder
    }

    /// The framing a media type names (parameters and case ignored); nil when it is none of these.
    public static func framing(forMediaType mediaType: String) -> Framing? {
        switch mediaType.prefix(while: { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased() {
        case "application/jsonl", "application/x-ndjson", "application/x-jsonlines": .lines
        case "application/json-seq": .textSequence
        default: nil
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        let separators: RecordSplitter.Separators = framing == .lines ? .lineFeed : .recordSeparator
        return AsyncIterator(
            records: RecordReader(body, separators: separators, keepsTail: true, operationID: operationID), framing: framing,
            operationID: operationID, decoder: makeDecoder())
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var records: RecordReader
        let framing: Framing
        let operationID: String
        let decoder: JSONDecoder

        public mutating func next() async throws -> Item? {
            while let record = try await records.next() {
                guard let first = record.bytes.firstIndex(where: { !Self.isWhitespace($0) }) else { continue }
                do {
                    try checkNotTruncated(record, firstByte: record.bytes[first])
                    return try decoder.decode(Item.self, from: Data(record.bytes))
                } catch {
                    records.stop()
                    let failure = StreamItemError(
                        text: record.text, line: record.number, byteOffset: record.offset, underlyingError: error,
                        unit: framing == .lines ? "line" : "record")
                    throw ClientError.streamItem(failure, operationID: operationID, type: Item.self)
                }
            }
            return nil
        }

        /// RFC 7464 2.4: a number, `true`, `false` or `null` not followed by LF may have been cut short
        /// (`12` of `123`) and must not be taken as complete; other values show truncation when parsed.
        private func checkNotTruncated(_ record: RecordSplitter.Record, firstByte: UInt8) throws {
            guard framing == .textSequence, record.bytes.last != UInt8(ascii: "\n"),
                !"{[\"".utf8.contains(firstByte)
            else { return }
            throw TruncatedItemError()
        }

        private static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
    }
}

/// A JSON text of a sequence ended without its LF and may be incomplete.
struct TruncatedItemError: Error, CustomStringConvertible {
    var description: String { "the JSON text is not followed by LF and may be truncated" }
}
