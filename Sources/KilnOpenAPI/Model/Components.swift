import KilnYAML

/// Reusable objects by name. After reference resolution, objects imported from other files or from
/// elsewhere in the document live here too, so every `$ref` names one of these.
public struct Components: Sendable {
    public var schemas = OrderedMap<Schema>()
    public var responses = OrderedMap<Referenceable<Response>>()
    public var parameters = OrderedMap<Referenceable<Parameter>>()
    public var examples = OrderedMap<Referenceable<Example>>()
    public var requestBodies = OrderedMap<Referenceable<RequestBody>>()
    public var headers = OrderedMap<Referenceable<Header>>()
    public var securitySchemes = OrderedMap<Referenceable<SecurityScheme>>()
    public var links = OrderedMap<YAMLNode>()
    public var callbacks = OrderedMap<Referenceable<OrderedMap<PathItem>>>()
    public var pathItems = OrderedMap<PathItem>()
    public var extensions = Extensions()

    public init() {}
}
