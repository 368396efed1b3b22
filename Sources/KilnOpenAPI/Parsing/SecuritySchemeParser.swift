import KilnYAML

enum SecuritySchemeParser {
    static func parse(_ node: YAMLNode, _ context: ParseContext) -> SecurityScheme? {
        guard let object = context.object(node, "a security scheme") else { return nil }
        guard let typeNode = object.value("type") else {
            object.missing("type")
            _ = object.finish()
            return nil
        }
        let typeName = context.string(typeNode, "'type'") ?? ""
        guard let kind = SecurityScheme.Kind(rawValue: typeName) else {
            context.error(
                "unknown security scheme type '\(typeName)'; expected apiKey, http, oauth2, openIdConnect or mutualTLS",
                at: typeNode.location)
            return nil
        }
        var scheme = SecurityScheme(kind: kind, location: node.location)
        scheme.description = object.string("description")
        switch kind {
        case .apiKey:
            scheme.name = object.requiredString("name")
            if let locationNode = object.value("in") {
                let text = context.string(locationNode, "'in'") ?? ""
                scheme.apiKeyLocation = SecurityScheme.APIKeyLocation(rawValue: text)
                if scheme.apiKeyLocation == nil {
                    context.error(
                        "invalid API key location '\(text)'; expected header, query or cookie", at: locationNode.location)
                }
            } else {
                object.missing("in")
            }
        case .http:
            scheme.scheme = object.requiredString("scheme")
            scheme.bearerFormat = object.string("bearerFormat")
        case .oauth2:
            if let flows = object.value("flows") {
                scheme.flows = self.flows(flows, context)
            } else {
                object.missing("flows")
            }
        case .openIdConnect:
            scheme.openIdConnectUrl = object.requiredString("openIdConnectUrl")
        case .mutualTLS:
            break
        }
        scheme.extensions = object.finish()
        return scheme
    }

    private static func flows(_ node: YAMLNode, _ context: ParseContext) -> SecurityScheme.OAuthFlows? {
        guard let object = context.object(node, "OAuth flows") else { return nil }
        var flows = SecurityScheme.OAuthFlows()
        flows.implicit = object.value("implicit").flatMap {
            flow($0, needsAuthorization: true, needsToken: false, context)
        }
        flows.password = object.value("password").flatMap {
            flow($0, needsAuthorization: false, needsToken: true, context)
        }
        flows.clientCredentials = object.value("clientCredentials").flatMap {
            flow($0, needsAuthorization: false, needsToken: true, context)
        }
        flows.authorizationCode = object.value("authorizationCode").flatMap {
            flow($0, needsAuthorization: true, needsToken: true, context)
        }
        _ = object.finish()
        return flows
    }

    private static func flow(
        _ node: YAMLNode, needsAuthorization: Bool, needsToken: Bool, _ context: ParseContext
    ) -> SecurityScheme.OAuthFlow? {
        guard let object = context.object(node, "an OAuth flow") else { return nil }
        var flow = SecurityScheme.OAuthFlow()
        flow.authorizationUrl =
            needsAuthorization ? object.requiredString("authorizationUrl") : object.string("authorizationUrl")
        flow.tokenUrl = needsToken ? object.requiredString("tokenUrl") : object.string("tokenUrl")
        flow.refreshUrl = object.string("refreshUrl")
        if let scopes = object.value("scopes") {
            flow.scopes = context.map(scopes, "OAuth scopes") { _, node in context.string(node, "a scope description") }
        } else {
            object.missing("scopes")
        }
        _ = object.finish()
        return flow
    }
}
