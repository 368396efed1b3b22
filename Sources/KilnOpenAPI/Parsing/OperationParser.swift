import KilnDiagnostics
import KilnYAML

/// Path items, operations and what they contain: parameters, bodies, responses, headers, examples.
enum OperationParser {
    static func pathItem(_ node: YAMLNode, _ context: ParseContext) -> PathItem? {
        guard let object = context.object(node, "a path item", keepingRef: true) else { return nil }
        var item = PathItem(at: node.location)
        if let ref = object.value("$ref") {
            item.ref = context.string(ref, "'$ref'").map { Reference($0, at: ref.location) }
        }
        item.summary = object.string("summary")
        item.description = object.string("description")
        let methods = HTTPMethodName.allCases + (context.version == .v3_2 ? [.query] : [])
        for method in methods {
            if let operationNode = object.value(method.rawValue), let operation = operation(operationNode, context) {
                item.operations.append((method, operation))
            }
        }
        if context.version == .v3_2, let additional = object.value("additionalOperations") {
            let fixed = Set(methods.map(\.token))
            let extra = context.mapPairs(additional, "additionalOperations") { name, pair -> Operation? in
                guard !fixed.contains(name.uppercased()) else {
                    context.warning(
                        "'\(name)' is a fixed field of the path item; write it there, not in additionalOperations",
                        at: pair.key.location)
                    return nil
                }
                return operation(pair.value, context)
            }
            for (name, operation) in extra { item.operations.append((HTTPMethodName(rawValue: name), operation)) }
        }
        if let servers = object.list("servers") {
            item.servers = servers.compactMap { DocumentParser.parseServer($0, context) }
        }
        if let parameters = object.list("parameters") {
            item.parameters = parameters.compactMap { context.referenceable($0) { parameter($0, context) } }
        }
        item.extensions = object.finish()
        return item
    }

    static func operation(_ node: YAMLNode, _ context: ParseContext) -> Operation? {
        guard let object = context.object(node, "an operation") else { return nil }
        var operation = Operation(at: node.location)
        operation.tags = object.stringList("tags") ?? []
        operation.summary = object.string("summary")
        operation.description = object.string("description")
        operation.externalDocs = object.value("externalDocs").flatMap { DocumentParser.externalDocs($0, context) }
        if let idNode = object.value("operationId") {
            operation.operationId = context.string(idNode, "'operationId'")
            operation.operationIdLocation = idNode.location
        }
        if let parameters = object.list("parameters") {
            operation.parameters = parameters.compactMap { context.referenceable($0) { parameter($0, context) } }
        }
        if let body = object.value("requestBody") {
            operation.requestBody = context.referenceable(body) { requestBody($0, context) }
        }
        if let responses = object.value("responses") {
            operation.responses = self.responses(responses, context)
        } else if context.version == .v3_0 {
            context.warning(
                "an operation is missing the field 'responses'; Kiln generates it without a typed reply",
                at: node.location)
        }
        if let callbacks = object.value("callbacks") {
            operation.callbacks = context.map(callbacks, "callbacks") { _, node in
                context.referenceable(node) { callback($0, context) }
            }
        }
        operation.deprecated = object.bool("deprecated") ?? false
        if let security = object.value("security") {
            operation.security = securityRequirements(security, context)
        }
        if let servers = object.list("servers") {
            operation.servers = servers.compactMap { DocumentParser.parseServer($0, context) }
        }
        operation.extensions = object.finish()
        return operation
    }

    static func callback(_ node: YAMLNode, _ context: ParseContext) -> OrderedMap<PathItem>? {
        context.map(node, "a callback") { _, node in pathItem(node, context) }
    }

    private static func responses(_ node: YAMLNode, _ context: ParseContext) -> OrderedMap<Referenceable<Response>> {
        context.mapPairs(node, "responses") { code, pair in
            if code.hasPrefix("x-") { return nil }
            guard StatusCode.isValid(code) else {
                context.error(
                    "invalid status code '\(code)'; expected 100 to 599, a range such as 2XX, or 'default'",
                    at: pair.key.location)
                return nil
            }
            return context.referenceable(pair.value) { response($0, context) }
        }
    }

    static func parameter(_ node: YAMLNode, _ context: ParseContext) -> Parameter? {
        guard let object = context.object(node, "a parameter") else { return nil }
        let name = object.requiredString("name")
        let locationNode = object.value("in")
        var location: Parameter.Location?
        if let locationNode {
            let text = context.string(locationNode, "'in'") ?? ""
            location = Parameter.Location(rawValue: text)
            if text == "querystring" && context.version == .v3_2 {
                context.warning(
                    "Kiln does not generate 'in: querystring' parameters yet; the operation is generated without it",
                    at: locationNode.location)
                return nil
            }
            if location == nil {
                // Swagger 2's `body` and `formData` survive in converted specs; the rest of the operation stands.
                context.warning(
                    "invalid parameter location '\(text)'; expected path, query, header or cookie; "
                        + "Kiln leaves out this parameter",
                    at: locationNode.location)
                return nil
            }
        } else {
            object.missing("in")
        }
        var parameter = Parameter(name: name ?? "", location: location ?? .query, at: node.location)
        parameter.description = object.string("description")
        parameter.required = object.bool("required") ?? false
        if location == .path && !parameter.required {
            // A path cannot be built without it, so it is required whatever the spec says.
            context.warning(
                "path parameter '\(parameter.name)' must be marked 'required: true'; Kiln treats it as required",
                at: node.location)
            parameter.required = true
        }
        parameter.deprecated = object.bool("deprecated") ?? false
        parameter.allowEmptyValue = object.bool("allowEmptyValue") ?? false
        parameter.style = style(object, allowedIn: location)
        parameter.explode = object.bool("explode")
        parameter.allowReserved = object.bool("allowReserved") ?? false
        parameter.schema = object.value("schema").flatMap { SchemaParser.parse($0, context) }
        if let content = object.value("content") {
            parameter.content = mediaTypes(content, context)
        }
        if parameter.schema == nil && parameter.content.isEmpty {
            context.warning(
                "parameter '\(parameter.name)' needs either a 'schema' or a 'content' field; Kiln sends it as a string",
                at: node.location)
            var string = Schema(at: node.location)
            string.types = [.string]
            parameter.schema = string
        }
        parameter.example = object.value("example")
        if let examples = object.value("examples") { parameter.examples = self.examples(examples, context) }
        parameter.extensions = object.finish()
        guard name != nil, location != nil else { return nil }
        return parameter
    }

    static func header(_ node: YAMLNode, _ context: ParseContext) -> Header? {
        guard let object = context.object(node, "a header") else { return nil }
        var header = Header(location: node.location)
        header.description = object.string("description")
        header.required = object.bool("required") ?? false
        header.deprecated = object.bool("deprecated") ?? false
        // A header object is a parameter "in: header" without the 'in'.
        header.style = style(object, allowedIn: .header)
        header.explode = object.bool("explode")
        header.schema = object.value("schema").flatMap { SchemaParser.parse($0, context) }
        if let content = object.value("content") { header.content = mediaTypes(content, context) }
        header.example = object.value("example")
        if let examples = object.value("examples") { header.examples = self.examples(examples, context) }
        for forbidden in ["name", "in"] where object.has(forbidden) {
            _ = object.value(forbidden)
            context.warning("a header object must not have '\(forbidden)'; the name is its key", at: node.location)
        }
        header.extensions = object.finish()
        return header
    }

    static func requestBody(_ node: YAMLNode, _ context: ParseContext) -> RequestBody? {
        guard let object = context.object(node, "a request body") else { return nil }
        var body = RequestBody(location: node.location)
        body.description = object.string("description")
        if let content = object.value("content") {
            body.content = mediaTypes(content, context)
        } else {
            object.missing("content")
        }
        body.required = object.bool("required") ?? false
        body.extensions = object.finish()
        return body
    }

    static func response(_ node: YAMLNode, _ context: ParseContext) -> Response? {
        guard let object = context.object(node, "a response") else { return nil }
        // Optional since 3.2; before, a missing one still leaves a client to generate.
        if !object.has("description") && context.version != .v3_2 {
            context.warning("a response is missing the field 'description'; Kiln uses an empty one", at: node.location)
        }
        var response = Response(description: object.string("description") ?? "", location: node.location)
        if context.version == .v3_2 { object.ignore("summary") }
        if let headers = object.value("headers") {
            response.headers = context.map(headers, "response headers") { _, node in
                context.referenceable(node) { header($0, context) }
            }
        }
        if let content = object.value("content") { response.content = mediaTypes(content, context) }
        if let links = object.value("links") { response.links = context.map(links, "links") { _, node in node } }
        response.extensions = object.finish()
        return response
    }

    static func mediaTypes(_ node: YAMLNode, _ context: ParseContext) -> OrderedMap<MediaType> {
        context.map(node, "content") { name, node in
            if !name.contains("/") && !name.hasPrefix("x-") {
                context.warning(
                    "'\(name)' is not a media type such as application/json", at: node.location)
            }
            return mediaType(node, context)
        }
    }

    private static func mediaType(_ node: YAMLNode, _ context: ParseContext) -> MediaType? {
        guard let object = context.object(node, "a media type") else { return nil }
        var media = MediaType(location: node.location)
        media.schema = object.value("schema").flatMap { SchemaParser.parse($0, context) }
        media.example = object.value("example")
        if let examples = object.value("examples") { media.examples = self.examples(examples, context) }
        if let encoding = object.value("encoding") {
            media.encoding = context.map(encoding, "encoding") { _, node in self.encoding(node, context) }
        }
        // 3.2's sequential media types (JSON Lines, SSE): the schema of one item. Their encodings are not used.
        if context.version == .v3_2 {
            media.itemSchema = object.value("itemSchema").flatMap { SchemaParser.parse($0, context) }
            object.ignore("prefixEncoding", "itemEncoding")
        }
        media.extensions = object.finish()
        return media
    }

    private static func encoding(_ node: YAMLNode, _ context: ParseContext) -> Encoding? {
        guard let object = context.object(node, "an encoding") else { return nil }
        var encoding = Encoding(location: node.location)
        encoding.contentType = object.string("contentType")
        if let headers = object.value("headers") {
            encoding.headers = context.map(headers, "encoding headers") { _, node in
                context.referenceable(node) { header($0, context) }
            }
        }
        encoding.style = style(object)
        encoding.explode = object.bool("explode")
        encoding.allowReserved = object.bool("allowReserved") ?? false
        _ = object.finish()
        return encoding
    }

    private static func examples(_ node: YAMLNode, _ context: ParseContext) -> OrderedMap<Referenceable<Example>> {
        context.map(node, "examples") { _, node in context.referenceable(node) { example($0, context) } }
    }

    static func example(_ node: YAMLNode, _ context: ParseContext) -> Example? {
        guard let object = context.object(node, "an example") else { return nil }
        var example = Example(location: node.location)
        example.summary = object.string("summary")
        example.description = object.string("description")
        example.value = object.value("value")
        example.externalValue = object.string("externalValue")
        if example.value != nil && example.externalValue != nil {
            context.error("an example has either 'value' or 'externalValue', not both", at: node.location)
        }
        example.extensions = object.finish()
        return example
    }

    static func securityRequirements(_ node: YAMLNode, _ context: ParseContext) -> [SecurityRequirement] {
        guard let items = node.sequence else {
            context.error("expected a list of security requirements, found \(node.kindDescription)", at: node.location)
            return []
        }
        return items.map { item in
            SecurityRequirement(
                schemes: context.map(item, "a security requirement") { _, scopes in
                    context.stringList(scopes, "the scopes of a security requirement")
                },
                location: item.location)
        }
    }

    /// Reads `style`; with a location, a style the location does not allow is an error (serializers
    /// have no rule for, say, a deepObject header, so the request would be encoded wrongly).
    private static func style(_ object: ObjectReader, allowedIn location: Parameter.Location? = nil) -> Parameter.Style? {
        guard let node = object.value("style"), let text = object.context.string(node, "'style'") else { return nil }
        guard let style = Parameter.Style(rawValue: text) else {
            object.context.error(
                "unknown style '\(text)'; expected one of "
                    + Parameter.Style.allCases.map(\.rawValue).joined(separator: ", "),
                at: node.location)
            return nil
        }
        if let location, !location.allowedStyles.contains(style) {
            let allowed = location.allowedStyles.map(\.rawValue)
            let expected = allowed.count == 1 ? allowed[0] : allowed.dropLast().joined(separator: ", ") + " or " + allowed.last!
            object.context.error(
                "style '\(text)' is not allowed for a \(location.rawValue) parameter; expected \(expected)",
                at: node.location)
        }
        return style
    }
}

/// Response keys: a code from 100 to 599, a range like 2XX, or "default".
public enum StatusCode {
    public static func isValid(_ code: String) -> Bool {
        if code == "default" { return true }
        let bytes = Array(code.utf8)
        guard bytes.count == 3, (49...53).contains(bytes[0]) else { return false }
        if bytes[1] == UInt8(ascii: "X") && bytes[2] == UInt8(ascii: "X") { return true }
        return bytes[1...].allSatisfy { (48...57).contains($0) }
    }
}
