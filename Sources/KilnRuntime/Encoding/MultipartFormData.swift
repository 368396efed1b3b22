import Foundation

/// Builds a `multipart/form-data` body (RFC 7578). Inject `boundary` to get reproducible bytes.
public struct MultipartFormData: Sendable {
    /// Separates parts; must not occur in any part's content.
    public let boundary: String
    private var parts: [Part] = []

    private struct Part: Sendable {
        var headers: [String]
        var content: Data
    }

    /// Starts an empty body.
    public init(boundary: String = MultipartFormData.randomBoundary()) {
        self.boundary = boundary
    }

    /// A boundary that cannot plausibly occur in content.
    public static func randomBoundary() -> String {
        "kiln-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// The `Content-Type` header value for this body.
    public var contentType: String {
        "multipart/form-data; boundary=\(boundary)"
    }

    /// A text field. `contentType` is omitted by default (RFC 7578 implies `text/plain`);
    /// pass e.g. `application/json` for JSON-encoded parts.
    public mutating func addField(name: String, value: String, contentType: String? = nil) {
        addPart(name: name, filename: nil, contentType: contentType, content: Data(value.utf8))
    }

    /// A file part from memory.
    public mutating func addFile(name: String, filename: String, contentType: String = "application/octet-stream", data: Data) {
        addPart(name: name, filename: filename, contentType: contentType, content: data)
    }

    /// A file part read from disk; the filename defaults to the URL's last component and the
    /// content type is guessed from its extension.
    public mutating func addFile(name: String, fileURL: URL, filename: String? = nil, contentType: String? = nil) throws {
        let data = try Data(contentsOf: fileURL)
        addPart(
            name: name,
            filename: filename ?? fileURL.lastPathComponent,
            contentType: contentType ?? Self.contentType(forExtension: fileURL.pathExtension),
            content: data
        )
    }

    /// The complete body.
    public func encoded() -> Data {
        var body = Data()
        for part in parts {
            body.append(Data("--\(boundary)\r\n".utf8))
            for header in part.headers {
                body.append(Data("\(header)\r\n".utf8))
            }
            body.append(Data("\r\n".utf8))
            body.append(part.content)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return body
    }

    private mutating func addPart(name: String, filename: String?, contentType: String?, content: Data) {
        var disposition = "Content-Disposition: form-data; name=\"\(Self.escapeQuoted(name))\""
        if let filename { disposition += "; filename=\"\(Self.escapeQuoted(filename))\"" }
        var headers = [disposition]
        if let contentType { headers.append("Content-Type: \(contentType)") }
        parts.append(Part(headers: headers, content: content))
    }

    /// WHATWG's escaping for names in multipart headers: `"` → `%22`, CR → `%0D`, LF → `%0A`.
    static func escapeQuoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func contentType(forExtension pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "txt": "text/plain"
        case "csv": "text/csv"
        case "html", "htm": "text/html"
        case "json": "application/json"
        case "xml": "application/xml"
        case "pdf": "application/pdf"
        case "zip": "application/zip"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }
}
