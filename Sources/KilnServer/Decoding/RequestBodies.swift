import Foundation
import KilnRuntime

extension ServerRequestInputs {
    /// The body's media type without parameters, lower-cased; nil when the request sent none.
    var contentType: String? {
        request.headers["Content-Type"].map { String($0.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// A body sent with a media type must have a JSON one (`application/json` or `…+json`).
    func requireJSONContentType() throws {
        if let contentType, !(contentType == "application/json" || contentType.hasSuffix("+json")) {
            throw ServerInputError("request body: expected application/json, got \(contentType)")
        }
    }

    /// Nil when the body is empty: generated code then requires it or passes nil.
    public func jsonBody<T: Decodable>(_ type: T.Type) throws -> T? {
        guard !request.body.isEmpty else { return nil }
        try requireJSONContentType()
        do {
            return try JSONCoding.makeDecoder().decode(T.self, from: request.body)
        } catch {
            throw ServerInputError("request body", error)
        }
    }

    /// `application/x-www-form-urlencoded`: fields by name; `joinedFields` are arrays sent as one value
    /// joined by the style's delimiter, as the client's `setFormBody(joinedFields:)` sends them.
    public func formBody<T: Decodable>(_ type: T.Type, joinedFields: [String: QueryStyle] = [:]) throws -> T? {
        guard !request.body.isEmpty else { return nil }
        let pairs = FormURLEncoder.decode(String(decoding: request.body, as: UTF8.self)).flatMap { pair -> [(name: String, value: TextNode)] in
            guard let style = joinedFields[pair.name] else { return [(pair.name, .text(pair.value))] }
            let separator = style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ","
            return [(pair.name, .list(pair.value.isEmpty ? [] : pair.value.components(separatedBy: separator).map(TextNode.text)))]
        }
        return try decodeFields(type, TextNode.object(pairs: pairs), "request body")
    }

    /// `multipart/form-data`: text parts by name, file parts as base64 for `Data` fields (or text for
    /// `String` ones), JSON parts as JSON.
    public func multipartBody<T: Decodable>(_ type: T.Type, fileFields: Set<String> = [], textFileFields: Set<String> = []) throws -> T? {
        guard !request.body.isEmpty else { return nil }
        guard let header = request.headers["Content-Type"], let boundary = MultipartParser.boundary(header) else {
            throw ServerInputError("request body: expected multipart/form-data with a boundary")
        }
        guard let parts = MultipartParser.parts(request.body, boundary: boundary) else {
            throw ServerInputError("request body: malformed multipart/form-data (boundary \(boundary))")
        }
        let pairs = parts.map { part -> (name: String, value: TextNode) in
            if fileFields.contains(part.name) { return (part.name, .text(part.body.base64EncodedString())) }
            let text = String(decoding: part.body, as: UTF8.self)
            if textFileFields.contains(part.name) { return (part.name, .text(text)) }
            return (part.name, part.isJSON ? (TextNode.text(text).parsedJSON ?? .text(text)) : .text(text))
        }
        return try decodeFields(type, TextNode.object(pairs: pairs), "request body")
    }

    public func textBody() -> String? {
        request.body.isEmpty ? nil : String(decoding: request.body, as: UTF8.self)
    }

    public func binaryBody() -> UploadBody? {
        request.body.isEmpty ? nil : .data(request.body)
    }

    /// A required body: its absence is a `ServerInputError`.
    public func required<T>(_ body: T?) throws -> T {
        guard let body else { throw ServerInputError("request body is required") }
        return body
    }

    private func decodeFields<T: Decodable>(_ type: T.Type, _ node: TextNode, _ what: String) throws -> T {
        do {
            return try TextNodeDecoder.decode(type, from: node, codingPath: [])
        } catch {
            throw ServerInputError(what, error)
        }
    }
}
