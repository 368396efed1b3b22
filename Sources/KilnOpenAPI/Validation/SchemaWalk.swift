extension OpenAPIDocument {
    /// Calls `visit` for every schema written in the document, nested ones included: components and
    /// the schemas inline in parameters, headers, bodies and responses. References are not followed
    /// (their targets are components, visited once), so recursive schemas end.
    func forEachSchema(_ visit: (Schema) -> Void) {
        func schema(_ schema: Schema) { forEachSchema(in: schema, visit) }
        func content(_ content: OrderedMap<MediaType>) {
            for (_, media) in content { media.schema.map(schema) }
        }
        func parameter(_ value: Referenceable<Parameter>) {
            guard let parameter = value.value else { return }
            parameter.schema.map(schema)
            content(parameter.content)
        }
        func header(_ value: Referenceable<Header>) {
            guard let header = value.value else { return }
            header.schema.map(schema)
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
        for value in components.schemas.values { schema(value) }
        components.parameters.values.forEach(parameter)
        components.headers.values.forEach(header)
        components.responses.values.forEach(response)
        for value in components.requestBodies.values { value.value.map { content($0.content) } }
        for value in components.callbacks.values { value.value?.values.forEach(pathItem) }
        components.pathItems.values.forEach(pathItem)
        paths.values.forEach(pathItem)
        webhooks.values.forEach(pathItem)
    }

    private func forEachSchema(in schema: Schema, _ visit: (Schema) -> Void) {
        visit(schema)
        for child in schema.children { forEachSchema(in: child, visit) }
    }
}
