/// One event of a `text/event-stream` response.
public struct ServerSentEvent<Payload: Sendable>: Sendable {
    /// The event type: `message` unless the stream named one with `event:`.
    public var event: String
    /// The `data:` lines joined by LF, decoded as the operation's schema (or text).
    public var data: Payload
    /// The last event ID the stream set (it carries over to later events, as in the browser's
    /// `lastEventId`); nil when none is set. Send it as `Last-Event-ID` when reconnecting.
    public var id: String?
    /// The reconnection time in milliseconds the stream last asked for with `retry:`, if any.
    public var retry: Int?

    public init(event: String = "message", data: Payload, id: String? = nil, retry: Int? = nil) {
        self.event = event
        self.data = data
        self.id = id
        self.retry = retry
    }
}

extension ServerSentEvent: Equatable where Payload: Equatable {}
extension ServerSentEvent: Hashable where Payload: Hashable {}
