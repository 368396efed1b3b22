import KilnOpenAPI

/// Chooses how a request body is sent and what the caller passes: a model for JSON and form bodies,
/// a multipart form built field by field, text, or an upload from Data or a file URL for binary bodies.
struct RequestBodyTranslator {
    let translator: ModelTranslator

    enum Encoding {
        case json, form, text, binary
        case multipart(fields: [MultipartField])
    }

    struct MultipartField {
        var wireName: String
        var propertyName: String
        var isOptional: Bool
        var kind: Kind
        var contentType: String?
        /// A file part whose property is `String` (3.1 `contentMediaType` without a binary format), not `Data`.
        var isTextFile = false

        enum Kind { case file, text, json }
    }

    struct Body {
        var parameter: Parameter
        var media: MediaType
        var encoding: Encoding
        var contentType: String
        var summary: String

        /// Form fields whose `encoding` joins an array into one value (`explode: false`, or a delimited style):
        /// the `joinedFields:` argument the client's `setFormBody` and the server's `formBody` take.
        var formFieldStyles: String {
            let styled = media.encoding.compactMap { name, encoding in
                encoding.formJoiningStyle.map { "\(SwiftLiteral.string(name)): .\($0.rawValue)" }
            }
            return styled.isEmpty ? "" : ", joinedFields: [\(styled.joined(separator: ", "))]"
        }

        func statements(_ operationID: String) -> [Statement] {
            let content = SwiftLiteral.string(contentType)
            let id = SwiftLiteral.string(operationID)
            switch encoding {
            case .json:
                return [.line("try request.setJSONBody(body, contentType: \(content), core: core, operationID: \(id))")]
            case .form:
                return [.line("try request.setFormBody(body\(formFieldStyles), core: core, operationID: \(id))")]
            case .text:
                return [.line("request.setTextBody(body, contentType: \(content))")]
            case .binary:
                return [.line("try request.setBinaryBody(body, contentType: \(content), operationID: \(id))")]
            case .multipart(let fields):
                let owner = parameter.type.isOptional ? "body?" : "body"
                return Self.multipartStatements(fields, operationID) { "\(owner).\($0.propertyName)" }
            }
        }

        /// The form built field by field, each value read with `value`. `fileUploads`: file fields are
        /// `UploadBody` values (bytes or a file streamed from disk), not the model's `Data`.
        static func multipartStatements(
            _ fields: [MultipartField], _ operationID: String, fileUploads: Bool = false, value: (MultipartField) -> String
        ) -> [Statement] {
            let id = SwiftLiteral.string(operationID)
            var lines: [Statement] = [.line("var form = MultipartFormData()")]
            for field in fields {
                let name = SwiftLiteral.string(field.wireName)
                switch field.kind {
                case .file where fileUploads:
                    let type = field.contentType.map(SwiftLiteral.string) ?? "nil"
                    lines.append(.line("try form.addFile(\(name), \(value(field)), contentType: \(type), operationID: \(id))"))
                case .file:
                    let type = SwiftLiteral.string(field.contentType ?? "application/octet-stream")
                    lines.append(.line("form.addFile(\(name), \(value(field)), contentType: \(type))"))
                case .text:
                    lines.append(.line("form.addText(\(name), \(value(field)))"))
                case .json:
                    lines.append(.line("try form.addJSON(\(name), \(value(field)), core: core, operationID: \(id))"))
                }
            }
            lines.append(.line("request.setMultipartBody(form)"))
            return lines
        }
    }

    func translate(_ body: RequestBody, typePrefix: String, types: inout [Declaration]) -> Body? {
        guard let (mediaType, media) = preferredContent(body.content) else { return nil }
        let essence = mediaType.lowercased()
        let encoding: Encoding
        var type: SwiftType
        if MediaTypeName.isJSON(essence) || essence.hasPrefix("application/x-www-form-urlencoded") {
            type = modelType(media.schema, typePrefix: typePrefix, types: &types)
            encoding = MediaTypeName.isJSON(essence) ? .json : .form
        } else if essence.hasPrefix("multipart/form-data") {
            type = modelType(media.schema, typePrefix: typePrefix, types: &types)
            encoding = .multipart(fields: multipartFields(media))
        } else if essence.hasPrefix("text/") {
            type = .string
            encoding = .text
        } else {
            type = .named("UploadBody")
            encoding = .binary
        }
        if !body.required { type = type.optional }
        let summary = (body.description.map { Documentation.oneLine($0) + " " } ?? "") + "(`\(mediaType)`)"
        return Body(
            parameter: Parameter(label: "_", name: "body", type: type, defaultValue: type.isOptional ? "nil" : nil),
            media: media,
            encoding: encoding, contentType: mediaType, summary: summary)
    }

    /// JSON first (the typed path), then forms, multipart, text, and anything else as bytes.
    private func preferredContent(_ content: OrderedMap<MediaType>) -> (String, MediaType)? {
        let ranked = content.map { ($0.key, $0.value) }.enumerated().sorted { lhs, rhs in
            (rank(lhs.element.0), lhs.offset) < (rank(rhs.element.0), rhs.offset)
        }
        return ranked.first?.element
    }

    private func rank(_ mediaType: String) -> Int {
        let essence = mediaType.lowercased()
        if MediaTypeName.isJSON(essence) { return 0 }
        if essence.hasPrefix("application/x-www-form-urlencoded") { return 1 }
        if essence.hasPrefix("multipart/form-data") { return 2 }
        if essence.hasPrefix("text/") { return 3 }
        return 4
    }

    private func modelType(_ schema: Schema?, typePrefix: String, types: inout [Declaration]) -> SwiftType {
        guard let schema else { return .json }
        var scope = translator.topLevelScope
        let type = translator.swiftType(for: schema, hint: typePrefix + "Request", owner: nil, nested: &types, scope: &scope)
        translator.topLevelScope = scope
        return type
    }

    /// The fields of a multipart object, named exactly as the body struct names its properties.
    private func multipartFields(_ media: MediaType) -> [MultipartField] {
        guard let schema = media.schema.flatMap(translator.document.resolve) else { return [] }
        let merged = translator.analysis.mergedObject(schema)
        let names = StructBuilder.memberNames(merged.properties)
        return zip(merged.properties, names).map { entry, name in
            let (wireName, property) = entry
            let resolved = translator.document.resolve(property) ?? property
            func isBinary(_ schema: Schema) -> Bool {
                schema.types == [.string] && (schema.format == "binary" || schema.contentMediaType != nil || schema.contentEncoding != nil)
            }
            // An array of binary items is several file parts under one name.
            let items = resolved.types == [.array] ? resolved.items.flatMap { translator.document.resolve($0) ?? $0 } : nil
            let isFile = isBinary(resolved) || items.map(isBinary) == true
            let isText = !isFile && (resolved.types.count == 1 && resolved.types[0] != .object && resolved.types[0] != .array)
                || resolved.enumValues != nil
            return MultipartField(
                wireName: wireName, propertyName: name,
                isOptional: !merged.required.contains(wireName),
                kind: isFile ? .file : (isText ? .text : .json),
                contentType: media.encoding[wireName]?.contentType ?? resolved.contentMediaType ?? items?.contentMediaType,
                isTextFile: isFile && translator.stringType(
                    format: (items ?? resolved).format, contentEncoding: (items ?? resolved).contentEncoding) != .data)
        }
    }
}

extension KilnOpenAPI.Encoding {
    /// For an array field of a form body: the style that joins it into one value (`explode: false`, or a
    /// delimited style); nil when the field repeats once per item, the default.
    var formJoiningStyle: KilnOpenAPI.Parameter.Style? {
        let style = style ?? .form
        guard [.form, .spaceDelimited, .pipeDelimited].contains(style), !(explode ?? (style == .form)) else { return nil }
        return style
    }

    /// The separator `formJoiningStyle` joins items with.
    var formJoiningSeparator: String? {
        switch formJoiningStyle {
        case nil: nil
        case .spaceDelimited?: " "
        case .pipeDelimited?: "|"
        default: ","
        }
    }
}
