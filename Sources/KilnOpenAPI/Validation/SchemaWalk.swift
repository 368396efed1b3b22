import KilnYAML

/// A place in the document that holds a value: a parameter, a header or a media type, with the schema
/// that describes the value and the examples given for it.
struct ValueSite {
    var schema: Schema?
    var example: YAMLNode?
    var examples: OrderedMap<Referenceable<Example>>
}

extension OpenAPIDocument {
    /// Calls `visit` for every parameter, header and media type written in the document: in components,
    /// paths, webhooks and callbacks. References are not followed (their targets are components, visited
    /// once), so the walk ends.
    func forEachValueSite(_ visit: (ValueSite) -> Void) {
        func content(_ content: OrderedMap<MediaType>) {
            for (_, media) in content { visit(ValueSite(schema: media.schema, example: media.example, examples: media.examples)) }
        }
        func parameter(_ value: Referenceable<Parameter>) {
            guard let parameter = value.value else { return }
            visit(ValueSite(schema: parameter.schema, example: parameter.example, examples: parameter.examples))
            content(parameter.content)
        }
        func header(_ value: Referenceable<Header>) {
            guard let header = value.value else { return }
            visit(ValueSite(schema: header.schema, example: header.example, examples: header.examples))
            content(header.content)
        }
        func response(_ value: Referenceable<Response>) {
            guard let response = value.value else { return }
            for (_, value) in response.headers { header(value) }
            content(response.content)
        }
        func pathItem(_ item: PathItem) {
            item.parameters.forEach(parameter)
            for (_, operation) in item.operations {
                operation.parameters.forEach(parameter)
                operation.requestBody?.value.map { content($0.content) }
                for (_, value) in operation.responses { response(value) }
                for (_, callback) in operation.callbacks { callback.value?.values.forEach(pathItem) }
            }
        }
        components.parameters.values.forEach(parameter)
        components.headers.values.forEach(header)
        components.responses.values.forEach(response)
        for value in components.requestBodies.values { value.value.map { content($0.content) } }
        for value in components.callbacks.values { value.value?.values.forEach(pathItem) }
        components.pathItems.values.forEach(pathItem)
        paths.values.forEach(pathItem)
        webhooks.values.forEach(pathItem)
    }

    /// Calls `visit` for every schema written in the document, nested ones included: components and
    /// the schemas inline in parameters, headers, bodies and responses.
    func forEachSchema(_ visit: (Schema) -> Void) {
        for value in components.schemas.values { forEachSchema(in: value, visit) }
        forEachValueSite { site in site.schema.map { forEachSchema(in: $0, visit) } }
    }

    private func forEachSchema(in schema: Schema, _ visit: (Schema) -> Void) {
        visit(schema)
        for child in schema.children { forEachSchema(in: child, visit) }
    }
}
