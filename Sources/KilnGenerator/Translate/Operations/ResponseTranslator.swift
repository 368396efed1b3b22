import KilnOpenAPI

/// Decides what a call returns (the success body's type: a model, Data, String, Void, or a stream of
/// events or items) and which documented error bodies the thrown `APIError` carries decoded.
struct ResponseTranslator {
    let translator: ModelTranslator

    enum Kind {
        case json, data, text, empty
        /// `text/event-stream`: a `ServerSentEventStream` of `itemType`.
        case events
        /// JSON Lines / NDJSON, or JSON Text Sequences: a `JSONItemStream` of `itemType`.
        case jsonLines, jsonSequence

        var isStream: Bool { [.events, .jsonLines, .jsonSequence].contains(self) }
    }

    struct Result {
        var bodyType: SwiftType
        var kind: Kind
        /// The documented error bodies in the spec's order: their status keys (`404`, `4XX`, `default`) and types.
        var errorBodies: [(code: String, type: SwiftType)]
        /// The documented success: its status code and, when it has a body, its media type.
        var successCode: String = "200"
        var successMedia: MediaType?
        /// The success response's media types, for `Accept` on downloads and text (JSON sets its own).
        var acceptedMediaTypes: String?
        /// For streams: the type of one event's data or of one item, and its schema.
        var itemType: SwiftType?
        var itemSchema: Schema?
        /// Every documented response with the type its body decodes as: what a server answers.
        var documented: [Documented] = []

        /// The `errors:` entries of a call: `.status(404, NotFound.self)`, `.range(4, E.self)`, `.default(E.self)`.
        var errors: [String] {
            errorBodies.map { code, type in
                let typeName = "\(type.unwrapped).self"
                if code == "default" { return ".default(\(typeName))" }
                if code.hasSuffix("XX"), let digit = code.first { return ".range(\(digit), \(typeName))" }
                return ".status(\(code), \(typeName))"
            }
        }

        private var acceptArgument: String {
            acceptedMediaTypes.map { ", accept: \(SwiftLiteral.string($0))" } ?? ""
        }

        /// `core.download(...)` writing a `.data` body to the file URL in `destination`, or with no destination
        /// `core.byteChunks(...)` handing it out as it arrives.
        func streamedDataCall(_ operationID: String, destination: String?) -> String {
            let errorList = errors.isEmpty ? "" : ", errors: [\(errors.joined(separator: ", "))]"
            let target = destination.map { "download(for: request, to: \($0)," } ?? "byteChunks(for: request,"
            return "core.\(target) operationID: \(SwiftLiteral.string(operationID))\(errorList)\(acceptArgument))"
        }

        func call(_ operationID: String) -> String {
            let id = SwiftLiteral.string(operationID)
            let errorList = errors.isEmpty ? "" : ", errors: [\(errors.joined(separator: ", "))]"
            switch kind {
            case .json: return "core.json(\(bodyType).self, for: request, operationID: \(id)\(errorList))"
            case .data: return "core.data(for: request, operationID: \(id)\(errorList)\(acceptArgument))"
            case .text: return "core.text(for: request, operationID: \(id)\(errorList)\(acceptArgument))"
            case .empty: return "core.empty(for: request, operationID: \(id)\(errorList))"
            case .events: return "core.serverSentEvents(\(itemType ?? .string).self, for: request, operationID: \(id)\(errorList))"
            case .jsonLines, .jsonSequence:
                let framing = kind == .jsonLines ? ".lines" : ".textSequence"
                return "core.jsonItems(\(itemType ?? .json).self, framing: \(framing), for: request, operationID: \(id)\(errorList)\(acceptArgument))"
            }
        }
    }

    /// One documented response: its status key (`200`, `4XX`, `default`) and its body's media type and type.
    struct Documented {
        var code: String
        var mediaType: String?
        var kind: Kind
        var bodyType: SwiftType?
        var description: String?
        var headers: [ResponseHeader] = []
    }

    func translate(
        _ responses: OrderedMap<Referenceable<Response>>, typePrefix: String, types: inout [Declaration]
    ) -> Result {
        var result = translateClientView(responses, typePrefix: typePrefix, types: &types)
        result.documented = documented(responses, result, typePrefix: typePrefix, types: &types)
        return result
    }

    /// The success the call returns and the error bodies `APIError` carries, typed; every other response
    /// typed the same way, with a name of its own, once those have theirs.
    private func documented(
        _ responses: OrderedMap<Referenceable<Response>>, _ result: Result, typePrefix: String, types: inout [Declaration]
    ) -> [Documented] {
        responses.compactMap { code, value -> Documented? in
            guard let response = translator.document.resolve(value) else { return nil }
            var documented = documentedBody(code, response, result, typePrefix: typePrefix, types: &types)
            documented.headers = ResponseHeader.headers(of: response, typePrefix: typePrefix, translator: translator, types: &types)
            return documented
        }
    }

    private func documentedBody(
        _ code: String, _ response: Response, _ result: Result, typePrefix: String, types: inout [Declaration]
    ) -> Documented {
        guard let (mediaType, media) = preferredContent(response.content) else {
            return Documented(code: code, kind: .empty, description: response.description)
        }
        let essence = mediaType.lowercased()
        if code == result.successCode, result.successMedia != nil {
            return Documented(code: code, mediaType: mediaType, kind: result.kind, bodyType: result.bodyType.unwrapped, description: response.description)
        }
        if MediaTypeName.isJSON(essence) {
            let type = result.errorBodies.first { $0.code == code }?.type ?? media.schema.map { modelType($0, hint: typePrefix + "Response" + (code == "default" ? "Default" : code), &types) } ?? .json
            return Documented(code: code, mediaType: mediaType, kind: .json, bodyType: type, description: response.description)
        }
        let kind: Kind = essence.hasPrefix("text/") ? .text : .data
        return Documented(code: code, mediaType: mediaType, kind: kind, bodyType: kind == .text ? .string : .data, description: response.description)
    }

    private func translateClientView(
        _ responses: OrderedMap<Referenceable<Response>>, typePrefix: String, types: inout [Declaration]
    ) -> Result {
        let document = translator.document
        var successes: [(code: String, response: Response)] = []
        var errors: [(code: String, type: SwiftType)] = []
        for (code, value) in responses {
            guard let response = document.resolve(value) else { continue }
            if code.hasPrefix("2") {
                successes.append((code, response))
            } else if let (mediaType, media) = response.content.first(where: { MediaTypeName.isJSON($0.key) }),
                let schema = media.schema
            {
                _ = mediaType
                let type = modelType(schema, hint: typePrefix + "Error" + (code == "default" ? "" : code), &types)
                errors.append((code, type))
            }
        }
        // Only `default` documented: it describes every status, the successful ones included.
        if successes.isEmpty, let fallback = responses["default"].flatMap(document.resolve) {
            successes.append(("default", fallback))
        }
        guard let (code, success) = successes.first(where: { !$0.response.content.isEmpty }),
            let (mediaType, media) = preferredContent(success.content)
        else {
            return Result(bodyType: .void, kind: .empty, errorBodies: errors, successCode: successes.first?.code ?? "204")
        }
        let someSuccessIsEmpty = successes.contains { $0.response.content.isEmpty }
        let essence = mediaType.lowercased()
        var result: Result
        if let stream = streamResult(essence, media, code: code, typePrefix: typePrefix, errors: errors, &types) {
            result = stream
        } else if MediaTypeName.isJSON(essence) {
            let type = media.schema.map { modelType($0, hint: typePrefix + (["200", "2XX", "default"].contains(code) ? "Response" : "Response" + code), &types) } ?? .json
            result = Result(bodyType: someSuccessIsEmpty ? type.optional : type, kind: .json, errorBodies: errors)
        } else if essence.hasPrefix("text/") {
            result = Result(bodyType: .string, kind: .text, errorBodies: errors)
        } else {
            result = Result(bodyType: .data, kind: .data, errorBodies: errors)
        }
        result.successCode = code
        result.successMedia = media
        // Wildcards (`*/*`) say nothing the server's default would not; concrete types help it choose.
        let concrete = success.content.keys.filter { !$0.hasPrefix("*") }
        if result.kind != .json, result.kind != .events, !concrete.isEmpty { result.acceptedMediaTypes = concrete.joined(separator: ", ") }
        return result
    }

    /// Streamed media types: one item is 3.2's `itemSchema`, else the `items` of an array schema, else the
    /// schema itself. An event's data is text unless its schema is more than a string.
    private func streamResult(
        _ essence: String, _ media: MediaType, code: String, typePrefix: String, errors: [(code: String, type: SwiftType)], _ types: inout [Declaration]
    ) -> Result? {
        let kind: Kind
        switch String(essence.prefix { $0 != ";" }.filter { $0 != " " }) {
        case "text/event-stream": kind = .events
        case "application/jsonl", "application/x-ndjson", "application/x-jsonlines": kind = .jsonLines
        case "application/json-seq": kind = .jsonSequence
        default: return nil
        }
        let document = translator.document
        var schema = media.itemSchema ?? media.schema.map { schema in
            document.resolve(schema).flatMap { $0.items } ?? schema
        }
        // 3.2 describes a whole event (`event`, `data`, `id`, `retry`); the payload is its `data`.
        if kind == .events, let event = schema.flatMap(document.resolve), let data = event.properties["data"],
            event.properties.keys.allSatisfy(["event", "data", "id", "retry"].contains)
        {
            schema = data
        }
        let hint = typePrefix + (kind == .events ? "Event" : "Item") + (["200", "2XX", "default"].contains(code) ? "" : code)
        let itemType: SwiftType
        if let schema, !(kind == .events && document.resolve(schema)?.types == [.string]) {
            itemType = modelType(schema, hint: hint, &types)
        } else {
            itemType = kind == .events ? .string : .json
        }
        let streamType = kind == .events ? "ServerSentEventStream" : "JSONItemStream"
        var result = Result(bodyType: .named("\(streamType)<\(itemType)>"), kind: kind, errorBodies: errors)
        result.itemType = itemType
        result.itemSchema = itemType == .string || itemType == .json ? nil : schema
        return result
    }

    private func preferredContent(_ content: OrderedMap<MediaType>) -> (String, MediaType)? {
        content.first(where: { MediaTypeName.isJSON($0.key) }).map { ($0.key, $0.value) } ?? content.first.map { ($0.key, $0.value) }
    }

    private func modelType(_ schema: Schema, hint: String, _ types: inout [Declaration]) -> SwiftType {
        var scope = translator.topLevelScope
        let type = translator.swiftType(for: schema, hint: hint, owner: nil, nested: &types, scope: &scope)
        translator.topLevelScope = scope
        return type
    }
}
