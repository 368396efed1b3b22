import Foundation

/// The bytes of an upload (a zip to import, an image): in memory, or a file streamed from disk as it is sent.
public enum UploadBody: Sendable, Hashable {
    case data(Data)
    case file(URL)

    /// The in-memory bytes as the buffered body, or the file as a `RequestBodyStream` (checked for
    /// readability now, so a missing file fails before anything is sent).
    func apply(to request: inout HTTPRequest, operationID: String) throws {
        switch self {
        case .data(let data):
            request.body = data
            request.bodyStream = nil
        case .file(let url):
            try Self.checkReadable(url, operationID: operationID)
            request.body = nil
            request.bodyStream = .file(url)
        }
    }

    /// The bytes, a file read whole into memory: for mocks, whose handlers see the model the plain method takes.
    public func loadedData() throws -> Data {
        switch self {
        case .data(let data): data
        case .file(let url): try Data(contentsOf: url)
        }
    }

    /// The bytes as UTF-8 text, for a file part the spec types as a string (3.1 `contentMediaType`); the
    /// client sends such a property's UTF-8 bytes, so this is its inverse.
    public func loadedText() throws -> String {
        String(decoding: try loadedData(), as: UTF8.self)
    }

    /// Throws an `.encoding` `ClientError` naming the file when it cannot be opened for reading.
    static func checkReadable(_ url: URL, operationID: String) throws {
        do {
            _ = try RequestBodyStream.size(of: url)
        } catch {
            throw ClientError(
                kind: .encoding, operationID: operationID,
                message: "Could not read the upload \(url.path): \(error.localizedDescription)", underlyingError: error)
        }
    }
}

extension MultipartFormData {
    /// A file part; nil leaves the part out. Without a filename the part is named after the field, with
    /// the extension its media type implies (`file.zip`): servers often judge an upload by its name.
    public mutating func addFile(_ name: String, _ data: Data?, contentType: String, filename: String? = nil) {
        guard let data else { return }
        addFile(name: name, filename: filename ?? Self.defaultFilename(name, contentType: contentType), contentType: contentType, data: data)
    }

    /// A file part from memory or streamed from disk; nil leaves the part out. `contentType` is the spec's
    /// (nil: `application/octet-stream` for bytes, guessed from a file's extension); a file keeps its own
    /// name. A file that cannot be opened throws an `.encoding` `ClientError` before anything is sent.
    public mutating func addFile(_ name: String, _ upload: UploadBody?, contentType: String?, operationID: String) throws {
        switch upload {
        case nil:
            return
        case .data(let data)?:
            addFile(name, data, contentType: contentType ?? "application/octet-stream")
        case .file(let url)?:
            try UploadBody.checkReadable(url, operationID: operationID)
            try addFile(name: name, fileURL: url, contentType: contentType)
        }
    }

    /// One file part per element, all under the same name (an array of binary items).
    public mutating func addFile(_ name: String, _ uploads: [UploadBody]?, contentType: String?, operationID: String) throws {
        for upload in uploads ?? [] { try addFile(name, upload, contentType: contentType, operationID: operationID) }
    }

    private static let extensions: [String: String] = [
        "application/zip": "zip", "application/pdf": "pdf", "application/json": "json", "application/xml": "xml",
        "text/xml": "xml", "text/plain": "txt", "text/csv": "csv", "text/html": "html", "image/png": "png",
        "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/svg+xml": "svg",
    ]

    static func defaultFilename(_ name: String, contentType: String) -> String {
        let essence = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        return extensions[essence].map { "\(name).\($0)" } ?? name
    }

    /// A file part whose content the spec types as a string (3.1 `contentMediaType` without binary
    /// format): its UTF-8 bytes.
    public mutating func addFile(_ name: String, _ text: String?, contentType: String, filename: String? = nil) {
        addFile(name, text.map { Data($0.utf8) }, contentType: contentType, filename: filename)
    }

    /// One file part per element whose content the spec types as strings.
    public mutating func addFile(_ name: String, _ texts: [String]?, contentType: String, filename: String? = nil) {
        addFile(name, texts?.map { Data($0.utf8) }, contentType: contentType, filename: filename)
    }

    /// One file part per element, all under the same name (an array of binary items).
    public mutating func addFile(_ name: String, _ files: [Data]?, contentType: String, filename: String? = nil) {
        for data in files ?? [] { addFile(name, data, contentType: contentType, filename: filename) }
    }

    /// A text part from a scalar (a string, number, boolean or enum); nil leaves the part out.
    public mutating func addText(_ name: String, _ value: (some ParameterEncodable)?) {
        guard let value else { return }
        switch value.parameterValue {
        case .primitive(let text): addField(name: name, value: text)
        case .array(let items): for item in items { addField(name: name, value: item) }
        case .object(let properties): for property in properties { addField(name: "\(name)[\(property.name)]", value: property.value) }
        }
    }

    /// A JSON part for structured fields.
    public mutating func addJSON(_ name: String, _ value: (some Encodable)?, core: APIClientCore, operationID: String) throws {
        guard let value else { return }
        let data = try core.encodeJSON(value, operationID: operationID)
        addField(name: name, value: String(decoding: data, as: UTF8.self), contentType: "application/json")
    }
}
