import KilnDiagnostics
import KilnYAML

/// Checks the `x-kiln-*` extensions (Specs/README.md) against the document they annotate. Without it a
/// typo (`items: dat`) would silently cost a client its `all()` method; with it the spec line is named.
struct KilnExtensionValidator {
    let document: OpenAPIDocument
    let diagnostics: DiagnosticCollector

    func run() {
        for (path, item) in document.paths {
            for (method, operation) in item.operations {
                let context = Context(path: path, item: item, method: method, operation: operation)
                if let node = operation.extensions["x-kiln-actions"] { checkActions(node, context) }
                if let node = operation.extensions["x-kiln-pagination"] { checkPagination(node, context) }
                if let node = operation.extensions["x-kiln-login"] {
                    checkLogin(node, responseSchema: successSchema(of: operation), at: "x-kiln-login")
                }
                if let node = operation.extensions["x-kiln-session"] { checkSession(node) }
            }
        }
        if let node = document.extensions["x-kiln-session"] { checkSession(node) }
        for (_, schema) in document.components.schemas { checkSchemaExtensions(schema) }
    }

    private struct Context {
        var path: String
        var item: PathItem
        var method: HTTPMethodName
        var operation: Operation
    }

    // MARK: - x-kiln-pagination

    private func checkPagination(_ node: YAMLNode, _ context: Context) {
        guard node.mapping != nil else { return expected("x-kiln-pagination", "a mapping", node) }
        let style = node["style"]?.scalar?.text ?? "page"
        guard style == "page" || style == "offset" else {
            return error("x-kiln-pagination: 'style' must be 'page' or 'offset', not '\(style)'", node["style"] ?? node)
        }
        let inputs = style == "page"
            ? [("page", "page"), ("pageSize", "pageSize")] : [("offset", "offset"), ("limit", "limit")]
        let action = node["action"]?.scalar?.text
        var pageSchema = successSchema(of: context.operation)
        var available: Set<String>
        if let action {
            guard let actions = context.operation.extensions["x-kiln-actions"], let requests = actionRequests(context.operation),
                let request = requests[action]
            else {
                return error(
                    "x-kiln-pagination: action '\(action)' is not an action of this operation's x-kiln-actions",
                    node["action"] ?? node)
            }
            available = Set(properties(of: request).keys)
            if let name = actions["responses"]?[action]?.scalar?.text, let schema = document.components.schemas[name] {
                pageSchema = schema
            }
        } else {
            available = Set(queryParameters(context).map(\.name))
        }
        for (key, fallback) in inputs {
            let name = node[key]?.scalar?.text ?? fallback
            if !available.contains(name) {
                let place = action == nil ? "query parameter" : "field of the '\(action!)' request"
                error(
                    "x-kiln-pagination: \(key) '\(name)' is not a \(place) of \(context.method.token) \(context.path)",
                    node[key] ?? node)
            }
        }
        guard let pageSchema else {
            return error("x-kiln-pagination: the operation has no JSON success response to page through", node)
        }
        let items = node["items"]?.scalar?.text ?? ""
        if !items.isEmpty {
            switch walk(items, from: pageSchema) {
            case .found(let schema) where !isArray(schema):
                error("x-kiln-pagination: items '\(items)' is not an array in the response", node["items"] ?? node)
            case .missing(let segment):
                error("x-kiln-pagination: items '\(items)': the response has no property '\(segment)' there", node["items"] ?? node)
            default: break
            }
        }
        for key in ["totalPages", "total"] {
            guard let total = node[key], let text = total.scalar?.text else { continue }
            if case .missing(let segment) = walk(text, from: pageSchema) {
                error("x-kiln-pagination: \(key) '\(text)': the response has no property '\(segment)' there", total)
            }
        }
    }

    // MARK: - x-kiln-login, x-kiln-session

    private func checkLogin(_ node: YAMLNode, responseSchema: Schema?, at name: String) {
        guard node.mapping != nil else { return expected(name, "a mapping", node) }
        if let scheme = node["scheme"], let text = scheme.scalar?.text, document.components.securitySchemes[text] == nil {
            error("\(name): scheme '\(text)' is not in components.securitySchemes", scheme)
        }
        guard let token = node["token"], let path = token.scalar?.text else {
            if node["logout"]?.scalar?.resolved != .bool(true) {
                error("\(name): give 'token' (where the success body holds it) or 'logout: true'", node)
            }
            return
        }
        guard let responseSchema else { return error("\(name): the operation has no JSON success response with a token", token) }
        if case .missing(let segment) = walk(path, from: responseSchema) {
            error("\(name): token '\(path)': the response has no property '\(segment)' there", token)
        }
    }

    private func checkSession(_ node: YAMLNode) {
        guard node.mapping != nil else { return expected("x-kiln-session", "a mapping", node) }
        if let place = node["in"], let text = place.scalar?.text, !["body", "header", "query"].contains(text) {
            error("x-kiln-session: 'in' must be 'body', 'header' or 'query', not '\(text)'", place)
        }
        if node["name"]?.scalar == nil { error("x-kiln-session: name (the field, header or query item) is missing", node) }
    }

    // MARK: - x-kiln-actions

    private func checkActions(_ node: YAMLNode, _ context: Context) {
        guard node.mapping != nil else { return expected("x-kiln-actions", "a mapping", node) }
        guard let requests = actionRequests(context.operation) else {
            return error(
                "x-kiln-actions: the request body must be a oneOf with a discriminator mapping, one schema per action", node)
        }
        for key in ["responses", "names", "login"] {
            for pair in node[key]?.mapping ?? [] {
                guard let action = pair.key.scalar?.text else { continue }
                if requests[action] == nil {
                    error("x-kiln-actions: '\(key)' names action '\(action)', which the discriminator mapping does not have", pair.key)
                }
            }
        }
        for pair in node["responses"]?.mapping ?? [] {
            if let name = pair.value.scalar?.text, document.components.schemas[name] == nil {
                error("x-kiln-actions: response schema '\(name)' is not in components.schemas", pair.value)
            }
        }
        for pair in node["login"]?.mapping ?? [] {
            guard let action = pair.key.scalar?.text else { continue }
            let responseName = node["responses"]?[action]?.scalar?.text
            let response = responseName.flatMap { document.components.schemas[$0] }
            checkLogin(pair.value, responseSchema: response ?? successSchema(of: context.operation), at: "x-kiln-actions.login.\(action)")
        }
        for key in ["fixed", "sessionFields"] {
            for field in node[key]?.sequence ?? [] {
                guard let name = field.scalar?.text else { continue }
                let found = requests.values.compactMap { properties(of: $0)[name] }
                if found.isEmpty {
                    let what = key == "fixed" ? "fixed field" : "session field"
                    error("x-kiln-actions: \(what) '\(name)' is in no action's request schema", field)
                } else if key == "sessionFields",
                    found.contains(where: { (document.resolve($0) ?? $0).types.first { $0 != .null } != .string })
                {
                    // The session token is text; a field of another type cannot default to it.
                    error("x-kiln-actions: session field '\(name)' must be a string to carry the session token", field)
                }
            }
        }
    }

    /// Action name -> its request schema, from the request body's discriminator mapping.
    private func actionRequests(_ operation: Operation) -> [String: Schema]? {
        guard let body = operation.requestBody.flatMap(document.resolve),
            let schema = body.content.first(where: { $0.key.contains("json") })?.value.schema.flatMap(document.resolve),
            let mapping = schema.discriminator?.mapping, !mapping.isEmpty
        else { return nil }
        var result: [String: Schema] = [:]
        for (action, target) in mapping {
            let name = target.hasPrefix("#/components/schemas/") ? JSONPointer.unescape(String(target.dropFirst(21))) : target
            if let schema = document.components.schemas[name] { result[action] = schema }
        }
        return result
    }

    // MARK: - Schemas

    private func checkSchemaExtensions(_ schema: Schema) {
        if let names = schema.extensions["x-kiln-enum-names"] {
            if let values = schema.enumValues {
                let count = names.sequence?.count
                if count != values.count || names.sequence?.contains(where: { $0.scalar == nil }) == true {
                    error(
                        "x-kiln-enum-names: expected a list of \(values.count) names, one per enum value, found \(count.map { "\($0) entries" } ?? names.kindDescription)",
                        names)
                }
            } else {
                error("x-kiln-enum-names: the schema has no enum to name", names)
            }
        }
        for (_, property) in schema.properties { checkSchemaExtensions(property) }
        if let items = schema.items { checkSchemaExtensions(items) }
        for member in schema.allOf + schema.oneOf + schema.anyOf { checkSchemaExtensions(member) }
        if case .schema(let values)? = schema.additionalProperties { checkSchemaExtensions(values) }
    }

    private enum Walk {
        case found(Schema)
        case missing(String)
        case unknown
    }

    /// Follows a dot path through declared properties (through `$ref` and `allOf`).
    private func walk(_ path: String, from schema: Schema) -> Walk {
        var current = schema
        for segment in path.split(separator: ".").map(String.init) {
            guard let resolved = document.resolve(current) else { return .unknown }
            let available = properties(of: resolved)
            // A schema that declares no properties (free-form) cannot be checked.
            if available.isEmpty && !(resolved.oneOf.isEmpty && resolved.anyOf.isEmpty) { return .unknown }
            guard let next = available[segment] else { return .missing(segment) }
            current = next
        }
        return document.resolve(current).map(Walk.found) ?? .unknown
    }

    private func properties(of schema: Schema) -> [String: Schema] {
        guard let resolved = document.resolve(schema) else { return [:] }
        var result: [String: Schema] = [:]
        for member in resolved.allOf { result.merge(properties(of: member)) { first, _ in first } }
        for (name, property) in resolved.properties { result[name] = property }
        return result
    }

    private func isArray(_ schema: Schema) -> Bool {
        schema.types.contains(.array) || schema.items != nil
    }

    private func successSchema(of operation: Operation) -> Schema? {
        for (code, value) in operation.responses where code.hasPrefix("2") {
            guard let response = document.resolve(value) else { continue }
            if let media = response.content.first(where: { $0.key.contains("json") })?.value, let schema = media.schema {
                return schema
            }
        }
        return nil
    }

    private func queryParameters(_ context: Context) -> [Parameter] {
        (context.item.parameters + context.operation.parameters).compactMap(document.resolve).filter { $0.location == .query }
    }

    // MARK: - Reporting

    private func error(_ message: String, _ node: YAMLNode) {
        diagnostics.error(message, at: node.location)
    }

    private func expected(_ name: String, _ what: String, _ node: YAMLNode) {
        error("\(name): expected \(what), found \(node.kindDescription)", node)
    }
}
