extension DocumentFilter {
    /// The document with only the operations the filter keeps and the components they (and the filter's
    /// `schemas`) reach. Path items left without operations are dropped; so are webhooks unless the
    /// filter keeps them by tag or operationId (their payload schemas are then generated as models).
    /// An empty filter keeps everything. Schemas in `opaqueSchemas` are kept but not looked into: they
    /// become existing Swift types (`typeOverrides`), so what they reference is not generated for them.
    public func apply(to document: OpenAPIDocument, opaqueSchemas: Set<String> = []) -> OpenAPIDocument {
        guard !isEmpty else { return document }
        var filtered = document
        filtered.paths = kept(document.paths, arePaths: true)
        filtered.webhooks = kept(document.webhooks, arePaths: false)

        var reach = ComponentReach(document: document, opaqueSchemas: opaqueSchemas)
        for item in filtered.paths.values + filtered.webhooks.values { reach.add(pathItem: item) }
        for entry in schemas { reach.add(schemaNamed: Self.schemaName(entry.text)) }
        reach.add(document.security)

        let old = document.components
        var components = old
        components.schemas = old.schemas.kept { reach.contains(.schemas, $0) }
        components.responses = old.responses.kept { reach.contains(.responses, $0) }
        components.parameters = old.parameters.kept { reach.contains(.parameters, $0) }
        components.examples = old.examples.kept { reach.contains(.examples, $0) }
        components.requestBodies = old.requestBodies.kept { reach.contains(.requestBodies, $0) }
        components.headers = old.headers.kept { reach.contains(.headers, $0) }
        components.callbacks = old.callbacks.kept { reach.contains(.callbacks, $0) }
        components.pathItems = old.pathItems.kept { reach.contains(.pathItems, $0) }
        // Specs that never write a security requirement still describe how the whole API authenticates.
        if Self.hasSecurityRequirements(document) {
            components.securitySchemes = old.securitySchemes.kept { reach.contains(.securitySchemes, $0) }
        }
        filtered.components = components
        let usedTags = Set((filtered.paths.values + filtered.webhooks.values).flatMap { $0.operations.flatMap(\.operation.tags) })
        filtered.tags = document.tags.filter { usedTags.contains($0.name) }
        return filtered
    }

    private func kept(_ items: OrderedMap<PathItem>, arePaths: Bool) -> OrderedMap<PathItem> {
        var result = OrderedMap<PathItem>()
        for (key, item) in items {
            var item = item
            item.operations = item.operations.filter { keeps($0.operation, at: arePaths ? key : nil) }
            if !item.operations.isEmpty { result[key] = item }
        }
        return result
    }

    private static func hasSecurityRequirements(_ document: OpenAPIDocument) -> Bool {
        if document.security?.contains(where: { !$0.schemes.isEmpty }) == true { return true }
        return (document.paths.values + document.webhooks.values).contains { item in
            item.operations.contains { $0.operation.security?.contains { !$0.schemes.isEmpty } == true }
        }
    }
}

extension OrderedMap {
    /// The entries whose key passes `isKept`, in order.
    func kept(_ isKept: (String) -> Bool) -> OrderedMap {
        var result = OrderedMap()
        for (key, value) in self where isKept(key) { result[key] = value }
        return result
    }
}
