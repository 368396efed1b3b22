import KilnDiagnostics
import KilnYAML

/// Turns the root node of a spec into an `OpenAPIDocument`, reporting every problem on the way.
enum DocumentParser {
    static func parse(
        _ root: YAMLNode, file: String, references: NodeReferences, diagnostics: DiagnosticCollector
    ) -> OpenAPIDocument? {
        guard let version = detectVersion(root, diagnostics: diagnostics) else { return nil }
        let context = ParseContext(version: version.kind, diagnostics: diagnostics, references: references)
        guard let object = context.object(root, "an OpenAPI document") else { return nil }
        if let node = object.value("openapi") { context.checkQuoted(node, "'openapi'") }

        let info = object.value("info").flatMap { parseInfo($0, context) }
        if !object.has("info") { object.missing("info") }
        var document = OpenAPIDocument(
            file: file, openapi: version.text, version: version.kind,
            info: info ?? Info(title: "", version: "", at: root.location))
        document.jsonSchemaDialect = object.string("jsonSchemaDialect")
        // 3.2's `$self` sets the document's base URI; Kiln resolves refs against the file instead.
        if version.kind == .v3_2 { object.ignore("$self") }
        if let servers = object.list("servers") {
            document.servers = servers.compactMap { parseServer($0, context) }
        }
        if let paths = object.value("paths") {
            document.paths = parsePaths(paths, context)
        } else if version.kind == .v3_0 || (!object.has("components") && !object.has("webhooks")) {
            context.warning(
                "an OpenAPI document is missing the field 'paths'; Kiln generates a client without operations",
                at: root.location)
        }
        if let webhooks = object.value("webhooks") {
            if version.kind == .v3_0 {
                context.warning("'webhooks' needs OpenAPI 3.1; it is ignored in a 3.0 document", at: webhooks.location)
            } else {
                document.webhooks = context.map(webhooks, "webhooks") { _, node in
                    OperationParser.pathItem(node, context)
                }
            }
        }
        if let components = object.value("components") {
            document.components = ComponentsParser.parse(components, context)
        }
        if let security = object.value("security") {
            document.security = OperationParser.securityRequirements(security, context)
        }
        if let tags = object.list("tags") {
            document.tags = tags.compactMap { parseTag($0, context) }
        }
        document.externalDocs = object.value("externalDocs").flatMap { externalDocs($0, context) }
        document.extensions = object.finish()
        return document
    }

    private static func detectVersion(
        _ root: YAMLNode, diagnostics: DiagnosticCollector
    ) -> (text: String, kind: OpenAPIDocument.Version)? {
        guard root.mapping != nil else {
            diagnostics.error(
                "expected an OpenAPI document (a mapping with 'openapi', 'info' and 'paths'), found \(root.kindDescription)",
                at: root.location)
            return nil
        }
        if let swagger = root["swagger"] {
            diagnostics.error(
                "this is a Swagger \(swagger.scalar?.text ?? "2.0") document; Kiln reads OpenAPI 3.0 and 3.1 only. "
                    + "Convert it first (for example with swagger2openapi)",
                at: swagger.location)
            return nil
        }
        guard let node = root["openapi"] else {
            diagnostics.error(
                "not an OpenAPI document: expected an 'openapi' field with version 3.0.x or 3.1.x", at: root.location)
            return nil
        }
        let text = node.scalar?.text ?? ""
        if text.hasPrefix("3.0") { return (text, .v3_0) }
        if text.hasPrefix("3.1") { return (text, .v3_1) }
        if text.hasPrefix("3.2") { return (text, .v3_2) }
        // A later 3.x minor version only adds fields: read it as 3.2, and say so once.
        let parts = text.split(separator: ".")
        if parts.count >= 2, parts[0] == "3", let minor = Int(parts[1]), minor > 2 {
            diagnostics.warning(
                "OpenAPI \(text) is newer than Kiln knows; reading it as 3.2, so fields added since may be ignored",
                at: node.location)
            return (text, .v3_2)
        }
        diagnostics.error(
            "unsupported OpenAPI version '\(text)'; expected 3.0.x, 3.1.x or 3.2.x", at: node.location)
        return nil
    }

    static func parseInfo(_ node: YAMLNode, _ context: ParseContext) -> Info? {
        guard let object = context.object(node, "info") else { return nil }
        // `version` gets checkQuoted's more specific warning instead of the generic one for unquoted text.
        let versionNode = object.value("version")
        // Neither changes the generated code beyond the client's default name and a doc comment.
        for key in ["title", "version"] where !object.has(key) {
            context.warning("info is missing the field '\(key)'; Kiln uses an empty one", at: node.location)
        }
        var info = Info(
            title: object.string("title") ?? "",
            version: versionNode.flatMap { context.string($0, "'version'") } ?? "", at: node.location)
        if let versionNode { context.checkQuoted(versionNode, "'version'") }
        info.summary = object.string("summary")
        if info.summary != nil { context.warnNewerField("summary", in: "info", at: object) }
        info.description = object.string("description")
        info.termsOfService = object.string("termsOfService")
        TextFormats.checkURL(info.termsOfService, "the terms of service URL", object, "termsOfService")
        if let contact = object.value("contact"), let reader = context.object(contact, "contact") {
            info.contact = Contact(
                name: reader.string("name"), url: reader.string("url"), email: reader.string("email"))
            TextFormats.checkURL(info.contact?.url, "the contact 'url'", reader, "url")
            TextFormats.checkEmail(info.contact?.email, reader, "email")
            _ = reader.finish()
        }
        if let license = object.value("license"), let reader = context.object(license, "license") {
            info.license = License(
                name: reader.requiredString("name") ?? "", identifier: reader.string("identifier"),
                url: reader.string("url"))
            if info.license?.identifier != nil { context.warnNewerField("identifier", in: "license", at: reader) }
            TextFormats.checkURL(info.license?.url, "the license 'url'", reader, "url")
            _ = reader.finish()
        }
        info.extensions = object.finish()
        return info
    }

    static func parseServer(_ node: YAMLNode, _ context: ParseContext) -> Server? {
        guard let object = context.object(node, "a server") else { return nil }
        var server = Server(url: object.requiredString("url") ?? "", location: node.location)
        TextFormats.checkURL(server.url, "the server URL", object, "url", templated: true)
        server.description = object.string("description")
        if context.version == .v3_2 { object.ignore("name") }
        if let variables = object.value("variables") {
            server.variables = context.map(variables, "server variables") { _, node in
                guard let variable = context.object(node, "a server variable") else { return nil }
                let result = Server.Variable(
                    defaultValue: variable.requiredString("default") ?? "",
                    enumValues: variable.stringList("enum"),
                    description: variable.string("description"),
                    location: node.location)
                _ = variable.finish()
                return result
            }
        }
        server.extensions = object.finish()
        return server
    }

    private static func parseTag(_ node: YAMLNode, _ context: ParseContext) -> Tag? {
        guard let object = context.object(node, "a tag") else { return nil }
        var tag = Tag(name: object.requiredString("name") ?? "", location: node.location)
        tag.description = object.string("description")
        tag.externalDocs = object.value("externalDocs").flatMap { externalDocs($0, context) }
        // 3.2's navigation fields do not change the generated code.
        if context.version == .v3_2 { object.ignore("summary", "parent", "kind") }
        tag.extensions = object.finish()
        return tag
    }

    static func externalDocs(_ node: YAMLNode, _ context: ParseContext) -> ExternalDocumentation? {
        guard let object = context.object(node, "external documentation") else { return nil }
        let docs = ExternalDocumentation(
            url: object.requiredString("url") ?? "", description: object.string("description"))
        TextFormats.checkURL(docs.url, "the external documentation 'url'", object, "url")
        _ = object.finish()
        return docs
    }

    private static func parsePaths(_ node: YAMLNode, _ context: ParseContext) -> OrderedMap<PathItem> {
        context.mapPairs(node, "paths") { path, pair in
            guard path.hasPrefix("/") else {
                if !path.hasPrefix("x-") {
                    context.error("path '\(path)' must start with '/'", at: pair.key.location)
                }
                return nil
            }
            var item = OperationParser.pathItem(pair.value, context)
            item?.keyLocation = pair.key.location
            return item
        }
    }
}
