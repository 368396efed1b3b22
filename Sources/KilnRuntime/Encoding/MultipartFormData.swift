import Foundation

/// Builds a `multipart/form-data` body (RFC 7578). Inject `boundary` to get reproducible bytes.
public struct MultipartFormData: Sendable {
    /// Separates parts; must not occur in any part's content.
    public let boundary: String
    private var parts: [Part] = []

    private struct Part: Sendable {
        var headers: [String]
        var content: RequestBodyStream.Part
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

    /// A file part streamed from disk when the request is sent (`setMultipartBody` makes the form a
    /// `RequestBodyStream`); throws now if the file cannot be opened. The filename defaults to the URL's last
    /// component and the content type is guessed from its extension.
    public mutating func addFile(name: String, fileURL: URL, filename: String? = nil, contentType: String? = nil) throws {
        _ = try RequestBodyStream.size(of: fileURL)
        addPart(
            name: name,
            filename: filename ?? fileURL.lastPathComponent,
            contentType: contentType ?? Self.contentType(forExtension: fileURL.pathExtension),
            content: .file(fileURL)
        )
    }

    /// Whether a part is a file on disk (added with `addFile(name:fileURL:)`).
    public var hasFileParts: Bool {
        parts.contains { if case .file = $0.content { true } else { false } }
    }

    /// The body as parts to send in turn: the framing in memory, file contents read from disk as sent.
    public func bodyStream() -> RequestBodyStream {
        var streamed: [RequestBodyStream.Part] = []
        var framing = Data()
        for part in parts {
            framing.append(Data("--\(boundary)\r\n".utf8))
            for header in part.headers {
                framing.append(Data("\(header)\r\n".utf8))
            }
            framing.append(Data("\r\n".utf8))
            switch part.content {
            case .data(let data):
                framing.append(data)
            case .file:
                streamed.append(.data(framing))
                streamed.append(part.content)
                framing = Data()
            }
            framing.append(Data("\r\n".utf8))
        }
        framing.append(Data("--\(boundary)--\r\n".utf8))
        streamed.append(.data(framing))
        return RequestBodyStream(streamed)
    }

    /// The complete body in memory (file parts read now; empty where a file has become unreadable).
    public func encoded() -> Data {
        (try? bodyStream().collected()) ?? Data()
    }

    private mutating func addPart(name: String, filename: String?, contentType: String?, content: Data) {
        addPart(name: name, filename: filename, contentType: contentType, content: .data(content))
    }

    private mutating func addPart(name: String, filename: String?, contentType: String?, content: RequestBodyStream.Part) {
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
