import KilnYAML

extension OpenAPIDocument {
    /// Calls `visit` for every example value written in the document: `example` and `examples` of media
    /// types, parameters and headers, `components/examples`, and the `examples` of every schema.
    func forEachExample(_ visit: (YAMLNode) -> Void) {
        func examples(_ single: YAMLNode?, _ named: OrderedMap<Referenceable<Example>>) {
            single.map(visit)
            for (_, example) in named { example.value?.value.map(visit) }
        }
        func content(_ content: OrderedMap<MediaType>) {
            for (_, media) in content { examples(media.example, media.examples) }
        }
        func parameter(_ value: Referenceable<Parameter>) {
            guard let parameter = value.value else { return }
            examples(parameter.example, parameter.examples)
            content(parameter.content)
        }
        func header(_ value: Referenceable<Header>) {
            guard let header = value.value else { return }
            examples(header.example, header.examples)
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
        examples(nil, components.examples)
        components.parameters.values.forEach(parameter)
        components.headers.values.forEach(header)
        components.responses.values.forEach(response)
        for value in components.requestBodies.values { value.value.map { content($0.content) } }
        for value in components.callbacks.values { value.value?.values.forEach(pathItem) }
        components.pathItems.values.forEach(pathItem)
        paths.values.forEach(pathItem)
        webhooks.values.forEach(pathItem)
        forEachSchema { $0.examples.forEach(visit) }
    }
}
