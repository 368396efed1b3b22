/// Follows resolved references (`#/components/<kind>/<name>`) to the objects they name.
/// Chains of references are followed; a cycle of pure references yields nil.
extension OpenAPIDocument {
    public func resolve(_ value: Referenceable<Parameter>) -> Parameter? {
        follow(value) { components.parameters[$0] }
    }

    public func resolve(_ value: Referenceable<RequestBody>) -> RequestBody? {
        follow(value) { components.requestBodies[$0] }
    }

    public func resolve(_ value: Referenceable<Response>) -> Response? {
        follow(value) { components.responses[$0] }
    }

    public func resolve(_ value: Referenceable<Header>) -> Header? {
        follow(value) { components.headers[$0] }
    }

    public func resolve(_ value: Referenceable<Example>) -> Example? {
        follow(value) { components.examples[$0] }
    }

    public func resolve(_ value: Referenceable<SecurityScheme>) -> SecurityScheme? {
        follow(value) { components.securitySchemes[$0] }
    }

    /// The schema a `$ref` schema stands for (following chains), or the schema itself.
    public func resolve(_ schema: Schema) -> Schema? {
        var current = schema
        for _ in 0..<64 {
            guard current.isPureReference, let name = current.ref?.componentName else { return current }
            guard let next = components.schemas[name] else { return nil }
            current = next
        }
        return nil
    }

    private func follow<T>(_ value: Referenceable<T>, _ lookup: (String) -> Referenceable<T>?) -> T? {
        var current = value
        for _ in 0..<64 {
            switch current {
            case .value(let resolved):
                return resolved
            case .reference(let reference):
                guard let name = reference.componentName, let next = lookup(name) else { return nil }
                current = next
            }
        }
        return nil
    }
}
