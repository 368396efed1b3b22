/// The sections of `components`, named as in the spec.
public enum ComponentKind: String, Sendable, CaseIterable {
    case schemas, responses, parameters, examples, requestBodies, headers, securitySchemes, links, callbacks,
        pathItems

    /// "a schema", "a response", for messages.
    var singular: String {
        switch self {
        case .schemas: "a schema"
        case .responses: "a response"
        case .parameters: "a parameter"
        case .examples: "an example"
        case .requestBodies: "a request body"
        case .headers: "a header"
        case .securitySchemes: "a security scheme"
        case .links: "a link"
        case .callbacks: "a callback"
        case .pathItems: "a path item"
        }
    }
}

extension Components {
    func contains(_ kind: ComponentKind, _ name: String) -> Bool {
        switch kind {
        case .schemas: schemas[name] != nil
        case .responses: responses[name] != nil
        case .parameters: parameters[name] != nil
        case .examples: examples[name] != nil
        case .requestBodies: requestBodies[name] != nil
        case .headers: headers[name] != nil
        case .securitySchemes: securitySchemes[name] != nil
        case .links: links[name] != nil
        case .callbacks: callbacks[name] != nil
        case .pathItems: pathItems[name] != nil
        }
    }
}
