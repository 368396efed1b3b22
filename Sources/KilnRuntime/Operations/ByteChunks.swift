import Foundation

extension APIClientCore {
    /// Sends the request; a 2xx response's binary body as the chunks the transport reads, handed out as the
    /// caller asks for them. Nothing collects the body: a reader that waits holds the transport's buffer back
    /// (see `ResponseBody`), and leaving the loop or cancelling the reading task cancels the request.
    /// A non-2xx response throws `APIError` before the first chunk, as for buffered calls.
    public func byteChunks(
        for request: HTTPRequest, operationID: String, errors: [ErrorBody] = [], accept: String? = nil
    ) async throws -> Response<ResponseBody> {
        let (head, body) = try await streamedSuccess(accepting(accept, request), operationID: operationID, errors: errors)
        return Response(status: head.status, headers: head.headers, body: body, rawBody: Data())
    }
}
