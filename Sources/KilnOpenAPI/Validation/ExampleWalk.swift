import KilnYAML

extension OpenAPIDocument {
    /// Calls `visit` for every example value written in the document: `example` and `examples` of media
    /// types, parameters and headers, `components/examples`, and the `examples` of every schema.
    func forEachExample(_ visit: (YAMLNode) -> Void) {
        func examples(_ named: OrderedMap<Referenceable<Example>>) {
            for (_, example) in named { example.value?.value.map(visit) }
        }
        examples(components.examples)
        forEachValueSite { site in
            site.example.map(visit)
            examples(site.examples)
        }
        forEachSchema { $0.examples.forEach(visit) }
    }
}
