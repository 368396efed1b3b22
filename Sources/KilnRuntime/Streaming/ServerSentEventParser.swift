/// The WHATWG event-stream interpretation (HTML, "Parsing an event stream"), line by line.
/// Lines come from `RecordSplitter(.lineEnds)`; this type is pure so the rules are testable alone.
struct ServerSentEventParser {
    /// A dispatched event with its data still text, and where it started for error messages.
    struct Event: Equatable {
        var event: ServerSentEvent<String>
        var line: Int
        var offset: Int
    }

    private var isFirstLine = true
    private var data = ""
    private var eventType = ""
    private var lastEventID = ""
    private var retry: Int?
    private var start: (line: Int, offset: Int)?

    /// Interprets one line; returns the event a blank line dispatches.
    mutating func parse(_ record: RecordSplitter.Record) -> Event? {
        var bytes = record.bytes[...]
        if isFirstLine {
            isFirstLine = false
            // The stream is UTF-8 decoded, which drops one leading byte order mark.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        if bytes.isEmpty { return dispatch() }
        if bytes.first == UInt8(ascii: ":") { return nil }
        let line = String(decoding: bytes, as: UTF8.self)
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = line[...]
            value = ""
        }
        // Errors point at the event's first data line, the one that holds what failed to decode.
        if field == "data", start == nil { start = (record.number, record.offset) }
        process(field: field, value: value)
        return nil
    }

    private mutating func process(field: Substring, value: Substring) {
        switch field {
        case "event": eventType = String(value)
        case "data": data += value + "\n"
        case "id" where !value.contains("\u{0}"): lastEventID = String(value)
        case "retry" where !value.isEmpty && value.allSatisfy({ ("0"..."9").contains($0) }):
            // Digits too many for an Int are ignored like any other invalid value.
            if let milliseconds = Int(value) { retry = milliseconds }
        default: break
        }
    }

    private mutating func dispatch() -> Event? {
        defer {
            data = ""
            eventType = ""
            start = nil
        }
        guard !data.isEmpty, let start else { return nil }
        let event = ServerSentEvent(
            event: eventType.isEmpty ? "message" : eventType, data: String(data.dropLast()),
            id: lastEventID.isEmpty ? nil : lastEventID, retry: retry)
        return Event(event: event, line: start.line, offset: start.offset)
    }
}
