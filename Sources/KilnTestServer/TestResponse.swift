import Foundation

/// What the handler wants the server to send back. The server adds `Content-Length` itself, or
/// `Transfer-Encoding: chunked` for a `stream`.
public struct TestResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Sent as given, except `Content-Length`, which the server computes.
    public var headers: [TestHeader]
    /// The body bytes.
    public var body: Data
    /// When set, the body is sent in chunks step by step instead of `body`.
    public var stream: [StreamStep]?

    /// A response with exactly these parts.
    public init(status: Int = 200, headers: [TestHeader] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body is sent with `Transfer-Encoding: chunked` as `steps` say.
    public static func streamed(_ steps: [StreamStep], status: Int = 200, headers: [TestHeader] = []) -> TestResponse {
        var response = TestResponse(status: status, headers: headers)
        response.stream = steps
        return response
    }

    /// A `text/plain; charset=utf-8` response.
    public static func text(_ text: String, status: Int = 200, headers: [TestHeader] = []) -> TestResponse {
        TestResponse(status: status, headers: [TestHeader("Content-Type", "text/plain; charset=utf-8")] + headers, body: Data(text.utf8))
    }

    /// An `application/json` response whose body is `json` verbatim.
    public static func json(_ json: String, status: Int = 200, headers: [TestHeader] = []) -> TestResponse {
        TestResponse(status: status, headers: [TestHeader("Content-Type", "application/json")] + headers, body: Data(json.utf8))
    }

    /// An empty-bodied response with the given status.
    public static func status(_ status: Int, headers: [TestHeader] = []) -> TestResponse {
        TestResponse(status: status, headers: headers)
    }

    /// The full wire form; `includeBody` is false for HEAD requests.
    func serialized(closeConnection: Bool, includeBody: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
        for header in headers where !["content-length", "transfer-encoding"].contains(header.name.lowercased()) {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += stream == nil ? "Content-Length: \(body.count)\r\n" : "Transfer-Encoding: chunked\r\n"
        if closeConnection { head += "Connection: close\r\n" }
        head += "\r\n"
        return Array(head.utf8) + (includeBody && stream == nil ? Array(body) : [])
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
