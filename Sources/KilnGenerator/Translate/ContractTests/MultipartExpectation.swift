import KilnOpenAPI
import KilnText

/// The exact parts a multipart contract test expects, in the order the client adds them: name, filename,
/// Content-Type and bytes of each. Written out from the spec rather than asked of the runtime, so a
/// client that names, types or fills a part wrongly fails.
extension ContractTestTranslator {
    func multipartCheck(_ value: SampleValue, fields: [RequestBodyTranslator.MultipartField], schema: Schema?) -> Statement {
        let properties = schema.flatMap(document.resolve).map { translator.analysis.mergedObject($0).properties }
        var parts: [String] = []
        var jsonParts: [String] = []
        for field in fields {
            guard let fieldValue = value.objectField(field.wireName), fieldValue != .null else { continue }
            let name = SwiftLiteral.string(field.wireName)
            switch field.kind {
            case .file:
                let contentType = field.contentType ?? "application/octet-stream"
                let property = properties?[field.wireName].map { document.resolve($0) ?? $0 }
                let element = property?.types == [.array] ? property?.items.map { document.resolve($0) ?? $0 } : property
                let isData = element.map { translator.stringType(format: $0.format, contentEncoding: $0.contentEncoding) == .data } ?? true
                let items: [SampleValue] = if case .array(let items) = fieldValue { items } else { [fieldValue] }
                for item in items {
                    guard case .string(let text) = item else { continue }
                    // Data decodes from base64 in JSON; a string-typed file part is its UTF-8 text.
                    let bytes = isData ? Base64.decode(text) ?? [] : Array(text.utf8)
                    parts.append(part(name, filename: Self.uploadFilename(field.wireName, contentType), contentType, bytes))
                }
            case .text:
                switch fieldValue {
                case .array(let items):
                    parts += items.compactMap(\.scalarText).map { part(name, filename: nil, nil, Array($0.utf8)) }
                case .object(let members):
                    parts += members.compactMap { member, value in
                        value.scalarText.map { part(SwiftLiteral.string("\(field.wireName)[\(member)]"), filename: nil, nil, Array($0.utf8)) }
                    }
                default:
                    if let text = fieldValue.scalarText { parts.append(part(name, filename: nil, nil, Array(text.utf8))) }
                }
            case .json:
                let sent = reencoded(fieldValue, as: properties?[field.wireName], .request)
                parts.append(part(name, filename: nil, "application/json", Array(sent.json.utf8)))
                jsonParts.append(name)
            }
        }
        let json = jsonParts.isEmpty ? "" : ", jsonParts: [\(jsonParts.joined(separator: ", "))]"
        return .line("#expect(ContractCheck.multipartDifference(request, [\(parts.joined(separator: ", "))]\(json)) == nil)")
    }

    private func part(_ name: String, filename: String?, _ contentType: String?, _ bytes: [UInt8]) -> String {
        let body = String(validating: bytes, as: UTF8.self).map { "Data(\(SwiftLiteral.string($0)).utf8)" }
            ?? "Data([\(bytes.map(String.init).joined(separator: ", "))])"
        let file = filename.map { ", filename: \(SwiftLiteral.string($0))" } ?? ""
        let type = contentType.map { ", contentType: \(SwiftLiteral.string($0))" } ?? ""
        return "MultipartPart(name: \(name)\(file)\(type), body: \(body))"
    }

    /// The filename the runtime gives a file part that has none: the field's name with the extension of its
    /// media type (`file.zip`), or the bare name for types it does not know.
    static func uploadFilename(_ name: String, _ contentType: String) -> String {
        // The runtime's documented table (MultipartFormData.addFile), restated as the contract to meet.
        let known = [
            "application/zip": "zip", "application/pdf": "pdf", "application/json": "json", "application/xml": "xml",
            "text/xml": "xml", "text/plain": "txt", "text/csv": "csv", "text/html": "html", "image/png": "png",
            "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/svg+xml": "svg",
        ]
        let essence = contentType.prefix { $0 != ";" }.filter { $0 != " " }.lowercased()
        return known[essence].map { "\(name).\($0)" } ?? name
    }
}
