/// The components that a set of operations and schemas reach transitively: through every `$ref` (in
/// schemas, parameters, bodies, responses, headers, examples, callbacks, path items), discriminator
/// mappings, security requirements, and the component names Kiln's own extensions hold
/// (`x-kiln-login.scheme`, `x-kiln-actions.responses`). Works on a resolved document, where every
/// reference has the form `#/components/<kind>/<name>`.
struct ComponentReach {
    struct Key: Hashable {
        var kind: ComponentKind
        var name: String
    }

    private let document: OpenAPIDocument
    /// Schemas that are kept but not walked into (they become existing Swift types).
    private let opaqueSchemas: Set<String>
    private(set) var reached = Set<Key>()
    private var pending: [Key] = []

    init(document: OpenAPIDocument, opaqueSchemas: Set<String> = []) {
        self.document = document
        self.opaqueSchemas = opaqueSchemas
    }

    func contains(_ kind: ComponentKind, _ name: String) -> Bool { reached.contains(Key(kind: kind, name: name)) }

    // MARK: - Seeds

    mutating func add(pathItem item: PathItem) {
        self.item(item)
        drain()
    }

    mutating func add(schemaNamed name: String) {
        mark(.schemas, name)
        drain()
    }

    mutating func add(_ requirements: [SecurityRequirement]?) {
        security(requirements)
        drain()
    }

    // MARK: - Walking

    private mutating func drain() {
        while let key = pending.popLast() {
            let components = document.components
            switch key.kind {
            case .schemas:
                guard !opaqueSchemas.contains(key.name) else { continue }
                components.schemas[key.name].map { schema($0) }
            case .responses: components.responses[key.name].map { response($0) }
            case .parameters: components.parameters[key.name].map { parameter($0) }
            case .examples: components.examples[key.name].map { example($0) }
            case .requestBodies: components.requestBodies[key.name].map { requestBody($0) }
            case .headers: components.headers[key.name].map { header($0) }
            case .securitySchemes: components.securitySchemes[key.name]?.reference.map { reference($0.ref) }
            case .callbacks: components.callbacks[key.name].map { callback($0) }
            case .pathItems: components.pathItems[key.name].map { item($0) }
            case .links: break
            }
        }
    }

    private mutating func mark(_ kind: ComponentKind, _ name: String) {
        if reached.insert(Key(kind: kind, name: name)).inserted { pending.append(Key(kind: kind, name: name)) }
    }

    /// `#/components/<kind>/<name>`; the kind comes from the reference, so a ref to a component of
    /// another kind (a request body used as a response) keeps the component it names.
    private mutating func reference(_ ref: String) {
        let prefix = "#/components/"
        guard ref.hasPrefix(prefix) else { return }
        let parts = ref.dropFirst(prefix.count).split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let kind = ComponentKind(rawValue: String(parts[0])) else { return }
        mark(kind, JSONPointer.unescape(String(parts[1])))
    }

    private mutating func referenceable<T>(_ value: Referenceable<T>, _ walk: (inout Self, T) -> Void) {
        switch value {
        case .reference(let reference): self.reference(reference.ref)
        case .value(let inner): walk(&self, inner)
        }
    }

    private mutating func schema(_ schema: Schema) {
        if let ref = schema.ref { reference(ref.ref) }
        for target in schema.discriminator?.mapping.values ?? [] { reference(target) }
        for child in schema.children { self.schema(child) }
    }

    private mutating func item(_ item: PathItem) {
        if let ref = item.ref { reference(ref.ref) }
        for value in item.parameters { parameter(value) }
        for (_, operation) in item.operations { self.operation(operation) }
    }

    private mutating func operation(_ operation: Operation) {
        for value in operation.parameters { parameter(value) }
        if let body = operation.requestBody { requestBody(body) }
        for (_, value) in operation.responses { response(value) }
        for (_, value) in operation.callbacks { callback(value) }
        security(operation.security)
        if let scheme = operation.extensions["x-kiln-login"]?["scheme"]?.scalar?.text { mark(.securitySchemes, scheme) }
        for pair in operation.extensions["x-kiln-actions"]?["responses"]?.mapping ?? [] {
            if let name = pair.value.scalar?.text { mark(.schemas, name) }
        }
    }

    private mutating func security(_ requirements: [SecurityRequirement]?) {
        for requirement in requirements ?? [] {
            for name in requirement.schemes.keys { mark(.securitySchemes, name) }
        }
    }

    private mutating func parameter(_ value: Referenceable<Parameter>) {
        referenceable(value) { reach, parameter in
            parameter.schema.map { reach.schema($0) }
            reach.content(parameter.content)
            reach.examples(parameter.examples)
        }
    }

    private mutating func header(_ value: Referenceable<Header>) {
        referenceable(value) { reach, header in
            header.schema.map { reach.schema($0) }
            reach.content(header.content)
            reach.examples(header.examples)
        }
    }

    private mutating func requestBody(_ value: Referenceable<RequestBody>) {
        referenceable(value) { reach, body in reach.content(body.content) }
    }

    private mutating func response(_ value: Referenceable<Response>) {
        referenceable(value) { reach, response in
            for (_, header) in response.headers { reach.header(header) }
            reach.content(response.content)
        }
    }

    private mutating func callback(_ value: Referenceable<OrderedMap<PathItem>>) {
        referenceable(value) { reach, items in
            for (_, item) in items { reach.item(item) }
        }
    }

    private mutating func example(_ value: Referenceable<Example>) {
        referenceable(value) { _, _ in }
    }

    private mutating func examples(_ values: OrderedMap<Referenceable<Example>>) {
        for (_, value) in values { example(value) }
    }

    private mutating func content(_ content: OrderedMap<MediaType>) {
        for (_, media) in content {
            media.schema.map { schema($0) }
            examples(media.examples)
            for (_, encoding) in media.encoding {
                for (_, header) in encoding.headers { self.header(header) }
            }
        }
    }
}
