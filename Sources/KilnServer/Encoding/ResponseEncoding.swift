import Foundation
import KilnRuntime

/// How generated server code writes a documented response.
extension ServerResponse {
    /// The body as JSON with the client's coders (sorted keys, RFC 3339 dates).
    public static func json(
        _ status: Int, _ body: some Encodable, contentType: String = "application/json", headers: HTTPFields = [:]
    ) throws -> ServerResponse {
        var response = ServerResponse(status: status, headers: headers, body: try JSONCoding.makeEncoder().encode(body))
        response.headers["Content-Type"] = contentType
        return response
    }

    public static func text(_ status: Int, _ body: String, contentType: String = "text/plain; charset=utf-8", headers: HTTPFields = [:]) -> ServerResponse {
        var response = ServerResponse(status: status, headers: headers, body: Data(body.utf8))
        response.headers["Content-Type"] = contentType
        return response
    }

    public static func data(_ status: Int, _ body: Data, contentType: String = "application/octet-stream", headers: HTTPFields = [:]) -> ServerResponse {
        var response = ServerResponse(status: status, headers: headers, body: body)
        response.headers["Content-Type"] = contentType
        return response
    }

    public static func empty(_ status: Int, headers: HTTPFields = [:]) -> ServerResponse {
        ServerResponse(status: status, headers: headers)
    }
}

/// The reason phrases problem bodies use as their title.
enum ReasonPhrase {
    static func of(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 413: "Content Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        default: "Status \(status)"
        }
    }
}
