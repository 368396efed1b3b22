import KilnYAML

enum ComponentsParser {
    static func parse(_ node: YAMLNode, _ context: ParseContext) -> Components {
        var components = Components()
        guard let object = context.object(node, "components") else { return components }
        if let node = object.value("schemas") {
            components.schemas = context.map(node, "components.schemas") { _, node in
                SchemaParser.parse(node, context)
            }
        }
        if let node = object.value("responses") {
            components.responses = context.map(node, "components.responses") { _, node in
                context.referenceable(node) { OperationParser.response($0, context) }
            }
        }
        if let node = object.value("parameters") {
            components.parameters = context.map(node, "components.parameters") { _, node in
                context.referenceable(node) { OperationParser.parameter($0, context) }
            }
        }
        if let node = object.value("examples") {
            components.examples = context.map(node, "components.examples") { _, node in
                context.referenceable(node) { OperationParser.example($0, context) }
            }
        }
        if let node = object.value("requestBodies") {
            components.requestBodies = context.map(node, "components.requestBodies") { _, node in
                context.referenceable(node) { OperationParser.requestBody($0, context) }
            }
        }
        if let node = object.value("headers") {
            components.headers = context.map(node, "components.headers") { _, node in
                context.referenceable(node) { OperationParser.header($0, context) }
            }
        }
        if let node = object.value("securitySchemes") {
            components.securitySchemes = context.map(node, "components.securitySchemes") { _, node in
                context.referenceable(node) { SecuritySchemeParser.parse($0, context) }
            }
        }
        if let node = object.value("links") {
            components.links = context.map(node, "components.links") { _, node in node }
        }
        if let node = object.value("callbacks") {
            components.callbacks = context.map(node, "components.callbacks") { _, node in
                context.referenceable(node) { OperationParser.callback($0, context) }
            }
        }
        if let node = object.value("pathItems") {
            components.pathItems = context.map(node, "components.pathItems") { _, node in
                OperationParser.pathItem(node, context)
            }
        }
        components.extensions = object.finish()
        return components
    }
}
