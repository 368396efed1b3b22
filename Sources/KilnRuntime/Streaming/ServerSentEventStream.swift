import Foundation

/// The events of a `text/event-stream` body, parsed as the WHATWG rules say and decoded one by one.
///
/// `data` stays text when `Payload` is `String`; otherwise it is decoded as JSON, and an event whose
/// data does not decode fails the sequence with a `.decoding` `ClientError` quoting it and its line.
/// A stream that ends inside an event drops that event, as a browser does.
public struct ServerSentEventStream<Payload: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = ServerSentEvent<Payload>

    private let body: ResponseBody
    private let operationID: String
    private let makeDecoder: @Sendable () -> JSONDecoder

    public init(_ body: ResponseBody, operationID: String, makeDecoder: @escaping @Sendable () -> JSONDecoder = JSONCoding.makeDecoder) {
        self.body = body
        self.operationID = operationID
        self.makeDecoder = makeDecoder
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(records: RecordReader(body, separators: .lineEnds, keepsTail: false, operationID: operationID), operationID: operationID, decoder: makeDecoder())
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        var records: RecordReader
        var parser = ServerSentEventParser()
        let operationID: String
        let decoder: JSONDecoder

        init(records: RecordReader, operationID: String, decoder: JSONDecoder) {
            self.records = records
            self.operationID = operationID
            self.decoder = decoder
        }

        public mutating func next() async throws -> ServerSentEvent<Payload>? {
            while let record = try await records.next() {
                guard let parsed = parser.parse(record) else { continue }
                let raw = parsed.event
                do {
                    return ServerSentEvent(event: raw.event, data: try decode(raw.data), id: raw.id, retry: raw.retry)
                } catch {
                    records.stop()
                    let failure = StreamItemError(text: raw.data, line: parsed.line, byteOffset: parsed.offset, underlyingError: error)
                    throw ClientError.streamItem(failure, operationID: operationID, type: Payload.self)
                }
            }
            return nil
        }

        private func decode(_ data: String) throws -> Payload {
            if let text = data as? Payload { return text }
            return try decoder.decode(Payload.self, from: Data(data.utf8))
        }
    }
}
