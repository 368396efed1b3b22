/// Cuts a byte stream, fed in arbitrary chunks, into records at separators, and remembers where each
/// record started so errors can point at it.
struct RecordSplitter {
    enum Separators {
        /// CR, LF or CRLF (server-sent events); a CRLF split across chunks still counts once.
        case lineEnds
        /// LF; a CR before it is dropped (JSON Lines, NDJSON).
        case lineFeed
        /// 0x1E, the record separator that starts every JSON text of RFC 7464.
        case recordSeparator
    }

    struct Record: Sendable, Equatable {
        var bytes: [UInt8]
        /// 1-based line number; for `.recordSeparator` the number of separators before it (what precedes
        /// the first one is record 0).
        var number: Int
        /// Offset of the record's first byte from the start of the stream.
        var offset: Int
        /// False only for a tail the stream ended in without a separator.
        var isTerminated = true
        /// The record reached the splitter's `maximumLength` before its separator: `bytes` is its start.
        var exceedsLimit = false

        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), rs: UInt8 = 0x1E

    /// 16 MiB: a stream that never sends a separator must not grow memory without bound.
    static let defaultMaximumLength = 16 << 20

    let separators: Separators
    let maximumLength: Int
    private var current: [UInt8] = []
    private var currentOffset = 0
    private var position = 0
    private var count = 0
    /// The last chunk ended in CR: an LF opening the next one belongs to that line end.
    private var skipsLineFeed = false

    init(_ separators: Separators, maximumLength: Int = defaultMaximumLength) {
        self.separators = separators
        self.maximumLength = maximumLength
    }

    /// The records `chunk` completes, in order.
    mutating func append(_ chunk: some Sequence<UInt8>) -> [Record] {
        var records: [Record] = []
        for byte in chunk {
            defer { position += 1 }
            if skipsLineFeed {
                skipsLineFeed = false
                if byte == Self.lf {
                    currentOffset = position + 1
                    continue
                }
            }
            switch (separators, byte) {
            case (.lineEnds, Self.cr):
                skipsLineFeed = true
                records.append(cut())
            case (.lineEnds, Self.lf), (.recordSeparator, Self.rs):
                records.append(cut())
            case (.lineFeed, Self.lf):
                if current.last == Self.cr { current.removeLast() }
                records.append(cut())
            default:
                guard current.count < maximumLength else {
                    // The rest of the stream is not read: the reader fails at this record.
                    var start = cut()
                    start.exceedsLimit = true
                    records.append(start)
                    return records
                }
                current.append(byte)
            }
        }
        return records
    }

    /// What the stream ended in after its last separator, if anything.
    mutating func finish() -> Record? {
        guard !current.isEmpty else { return nil }
        var tail = cut()
        tail.isTerminated = false
        return tail
    }

    private mutating func cut() -> Record {
        count += 1
        let record = Record(bytes: current, number: separators == .recordSeparator ? count - 1 : count, offset: currentOffset)
        current.removeAll(keepingCapacity: true)
        currentOffset = position + 1
        return record
    }
}

/// Pulls records out of a response body, chunk by chunk.
struct RecordReader {
    private var chunks: ResponseBody.AsyncIterator
    private var splitter: RecordSplitter
    /// Whether an unterminated tail counts as a record (JSON Lines) or is dropped (server-sent events).
    private let keepsTail: Bool
    private var pending: [RecordSplitter.Record] = []
    private var cursor = 0
    private var ended = false
    private let operationID: String

    init(
        _ body: ResponseBody, separators: RecordSplitter.Separators, keepsTail: Bool, operationID: String,
        maximumLength: Int = RecordSplitter.defaultMaximumLength
    ) {
        chunks = body.makeAsyncIterator()
        splitter = RecordSplitter(separators, maximumLength: maximumLength)
        self.keepsTail = keepsTail
        self.operationID = operationID
    }

    /// The next record; nil at the end of the body or after `stop()`.
    mutating func next() async throws -> RecordSplitter.Record? {
        while cursor == pending.count {
            guard !ended else { return nil }
            cursor = 0
            if let chunk = try await chunks.next() {
                pending = splitter.append(chunk)
            } else {
                ended = true
                pending = splitter.finish().flatMap { keepsTail ? [$0] : nil } ?? []
            }
        }
        let record = pending[cursor]
        cursor += 1
        if record.exceedsLimit {
            stop()
            let unit = splitter.separators == .recordSeparator ? "record" : "line"
            throw ClientError(
                kind: .decoding, operationID: operationID,
                message: "\(unit) \(record.number) (byte \(record.offset)) is longer than \(splitter.maximumLength) bytes "
                    + "without a separator; the stream is not read further: \(StreamItemError.quoted(record.text))")
        }
        return record
    }

    /// Ends the sequence: after a malformed record nothing further is read.
    mutating func stop() {
        ended = true
        pending = []
        cursor = 0
    }
}
