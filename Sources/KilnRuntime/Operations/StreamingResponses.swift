import Foundation

extension APIClientCore {
    /// Sends the request; a 2xx response's `text/event-stream` body as events, parsed as they arrive.
    /// A non-2xx response throws `APIError` before any event, as for buffered calls.
    public func serverSentEvents<Payload: Decodable & Sendable>(
        _ type: Payload.Type, for request: HTTPRequest, operationID: String, errors: [ErrorBody] = []
    ) async throws -> Response<ServerSentEventStream<Payload>> {
        let (head, body) = try await streamedSuccess(accepting("text/event-stream", request), operationID: operationID, errors: errors)
        let events = ServerSentEventStream<Payload>(body, operationID: operationID, makeDecoder: configuration.makeDecoder)
        return Response(status: head.status, headers: head.headers, body: events, rawBody: Data())
    }

    /// Sends the request; a 2xx response's JSON Lines or JSON Text Sequence body as decoded items.
    /// `accept`: the media types the spec documents (`application/jsonl`).
    public func jsonItems<Item: Decodable & Sendable>(
        _ type: Item.Type, framing: JSONItemStream<Item>.Framing, for request: HTTPRequest, operationID: String,
        errors: [ErrorBody] = [], accept: String? = nil
    ) async throws -> Response<JSONItemStream<Item>> {
        let (head, body) = try await streamedSuccess(accepting(accept, request), operationID: operationID, errors: errors)
        let items = JSONItemStream<Item>(body, framing: framing, operationID: operationID, makeDecoder: configuration.makeDecoder)
        return Response(status: head.status, headers: head.headers, body: items, rawBody: Data())
    }

    /// Error bodies are read whole (up to this many bytes) so `APIError` carries them as for buffered calls.
    static let streamedErrorBodyLimit = 1 << 20

    /// The head of a 2xx streamed response and its body; any other status throws the documented `APIError`.
    func streamedSuccess(_ request: HTTPRequest, operationID: String, errors: [ErrorBody]) async throws -> (HTTPResponse, ResponseBody) {
        let (head, body) = try await stream(request, operationID: operationID)
        guard head.isSuccess else {
            var response = head
            response.body = (try? await body.collect(upTo: Self.streamedErrorBodyLimit)) ?? Data()
            throw documentedError(for: response, operationID: operationID, errors: errors)
        }
        // A connection lost mid-stream reaches the reader as a `.transport` ClientError, as before the head.
        return (head, body.mapErrors { [self] error in classified(error, operationID: operationID) })
    }
}
