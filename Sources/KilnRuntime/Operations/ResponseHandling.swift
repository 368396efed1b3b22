import Foundation

/// A success response with its decoded body, for callers who need the status or headers too.
public struct Response<Body: Sendable>: Sendable {
    public let status: Int
    public let headers: HTTPFields
    public let body: Body
    /// The body's bytes as received; empty when the body is streamed (`ServerSentEventStream`, `JSONItemStream`).
    public let rawBody: Data

    public init(status: Int, headers: HTTPFields, body: Body, rawBody: Data) {
        self.status = status
        self.headers = headers
        self.body = body
        self.rawBody = rawBody
    }
}

/// A documented error body: which statuses carry it and its type, so `APIError.decodedBody` holds it.
public enum ErrorBody: Sendable {
    case status(Int, any (Decodable & Sendable).Type)
    /// `4XX`: the first digit.
    case range(Int, any (Decodable & Sendable).Type)
    case `default`(any (Decodable & Sendable).Type)

    static func type(for status: Int, in bodies: [ErrorBody]) -> (any (Decodable & Sendable).Type)? {
        for case .status(let code, let type) in bodies where code == status { return type }
        for case .range(let digit, let type) in bodies where status / 100 == digit { return type }
        for case .default(let type) in bodies { return type }
        return nil
    }
}

extension APIClientCore {
    /// Sends the request; a 2xx response's JSON body decodes as `Body` (an empty body as `null`, so an
    /// optional `Body` accepts 204), anything else throws `APIError` with the documented error body.
    public func json<Body: Decodable & Sendable>(
        _ type: Body.Type, for request: HTTPRequest, operationID: String, errors: [ErrorBody] = []
    ) async throws -> Response<Body> {
        var request = request
        if !request.headers.contains("Accept") { request.headers.append(name: "Accept", value: "application/json") }
        let response = try await success(request, operationID: operationID, errors: errors)
        let decodable = response.body.isEmpty ? HTTPResponse(status: response.status, headers: response.headers, body: Data("null".utf8)) : response
        let body = try decodeJSON(type, from: decodable, operationID: operationID)
        return Response(status: response.status, headers: response.headers, body: body, rawBody: response.body)
    }

    /// Sends the request; a 2xx response's body is ignored.
    public func empty(for request: HTTPRequest, operationID: String, errors: [ErrorBody] = []) async throws -> Response<Void> {
        let response = try await success(request, operationID: operationID, errors: errors)
        return Response(status: response.status, headers: response.headers, body: (), rawBody: response.body)
    }

    /// Sends the request; a 2xx response's body is returned as bytes (downloads such as zip files).
    /// `accept`: the media types the spec documents (`application/zip`), sent unless the request has an Accept.
    public func data(for request: HTTPRequest, operationID: String, errors: [ErrorBody] = [], accept: String? = nil) async throws -> Response<Data> {
        let response = try await success(accepting(accept, request), operationID: operationID, errors: errors)
        return Response(status: response.status, headers: response.headers, body: response.body, rawBody: response.body)
    }

    /// Sends the request; a 2xx response's body is returned as UTF-8 text.
    public func text(for request: HTTPRequest, operationID: String, errors: [ErrorBody] = [], accept: String? = nil) async throws -> Response<String> {
        let response = try await success(accepting(accept, request), operationID: operationID, errors: errors)
        return Response(
            status: response.status, headers: response.headers, body: String(decoding: response.body, as: UTF8.self),
            rawBody: response.body)
    }

    func accepting(_ mediaTypes: String?, _ request: HTTPRequest) -> HTTPRequest {
        guard let mediaTypes, !request.headers.contains("Accept") else { return request }
        var request = request
        request.headers.append(name: "Accept", value: mediaTypes)
        return request
    }

    private func success(_ request: HTTPRequest, operationID: String, errors: [ErrorBody]) async throws -> HTTPResponse {
        let response = try await send(request, operationID: operationID)
        guard response.isSuccess else { throw documentedError(for: response, operationID: operationID, errors: errors) }
        return response
    }

    /// The `APIError` for a status that is not a success, with the body decoded when it is documented.
    func documentedError(for response: HTTPResponse, operationID: String, errors: [ErrorBody]) -> APIError {
        let decoded = ErrorBody.type(for: response.status, in: errors).flatMap { decodeErrorBody($0, from: response) }
        return apiError(for: response, operationID: operationID, decodedBody: decoded)
    }
}
