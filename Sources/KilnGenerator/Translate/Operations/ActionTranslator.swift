import KilnOpenAPI
import KilnText
import KilnYAML

/// `x-kiln-actions`: an envelope API whose one operation takes a `oneOf` body discriminated by a
/// field. Each action becomes its own method, `client.list(model: "Subaccount", limit: 10)`, that
/// fills in the discriminator and the client's fixed fields, decodes that action's response schema,
/// throws `ActionError` for an error envelope, and stores or forgets the session token on login/logout.
struct ActionTranslator {
    let translator: ModelTranslator
    let access: AccessLevel

    struct Settings {
        var discriminator: String
        var fixed: [String]
        /// Optional body fields that carry the session token when the caller gives none (logout's `token`).
        var sessionFields: [String]
        var failure: String
        var responses: [String: String]
        var names: [String: String]
        var logins: [String: SessionSettings.Login]

        init?(_ node: YAMLNode?) {
            guard let node else { return nil }
            discriminator = node["discriminator"]?.scalar?.text ?? "action"
            fixed = node["fixed"]?.sequence?.compactMap { $0.scalar?.text } ?? []
            sessionFields = node["sessionFields"]?.sequence?.compactMap { $0.scalar?.text } ?? []
            failure = node["errorStatus"]?.scalar?.text ?? "Error"
            func map(_ key: String) -> [String: String] {
                Dictionary(
                    (node[key]?.mapping ?? []).compactMap { pair in
                        guard let key = pair.key.scalar?.text, let value = pair.value.scalar?.text else { return nil }
                        return (key, value)
                    }, uniquingKeysWith: { first, _ in first })
            }
            responses = map("responses")
            names = map("names")
            logins = Dictionary(
                (node["login"]?.mapping ?? []).compactMap { pair in
                    guard let key = pair.key.scalar?.text, let login = SessionSettings.Login(pair.value) else { return nil }
                    return (key, login)
                },
                uniquingKeysWith: { first, _ in first })
        }
    }

    /// A field of the client's configuration that each request carries: its name and Swift type.
    struct FixedField {
        var wireName: String
        var name: String
        var type: SwiftType
        var defaultValue: String?
    }

    /// An action method as contract tests and mocks need it.
    struct Call {
        var action: String
        var name: String
        var parameters: [Parameter]
        var wireNames: [String]
        /// Each parameter's property schema, for a sample when the spec's example lacks it.
        var schemas: [Schema]
        var discriminator: String
        /// The envelope `status` of a failure ("Error").
        var errorStatus: String
        /// For a login action, the dot path of the token (which a failed login may carry too).
        var tokenPath: String?
        /// The schema the action's result decodes (its `x-kiln-actions.responses` entry).
        var responseSchema: Schema?
        /// The request's component and its Swift type (`ListRequest`), and the result's type: what a server's
        /// handler method for the action takes and returns.
        var requestComponent: String
        var requestType: String
        var responseType: SwiftType
    }

    struct Output {
        var functions: [Declaration] = []
        /// Page sequences over an action, declared on the protocol so mocks get them too.
        var pagination: [Declaration] = []
        var calls: [Call] = []
    }

    /// One method per action, plus page sequences for the action `x-kiln-pagination` names.
    func translate(_ signature: OperationTranslator.Signature, scope: inout NameScope) -> Output {
        guard let settings = Settings(signature.operation.extensions["x-kiln-actions"]),
            let bodySchema = signature.body.flatMap({ _ in requestSchema(signature.operation) }),
            let mapping = bodySchema.discriminator?.mapping
        else { return Output() }
        var output = Output()
        for (action, target) in mapping {
            guard let requestName = componentName(target),
                let requestType = translator.componentTypeNames[requestName],
                let requestSchema = translator.document.components.schemas[requestName]
            else { continue }
            let responseName = settings.responses[action]
            let responseType = responseName.flatMap { translator.componentTypeNames[$0] }.map(SwiftType.named)
                ?? signature.response.bodyType
            let responseSchema = responseName.flatMap { translator.document.components.schemas[$0] }
                ?? signature.response.successMedia?.schema
            guard let method = method(
                action: action, requestType: requestType, requestSchema: requestSchema, component: requestName,
                responseType: responseType, responseSchema: responseSchema, settings: settings, signature: signature,
                scope: &scope)
            else { continue }
            output.functions.append(.function(method.declaration))
            output.calls.append(
                Call(
                    action: action, name: method.declaration.name, parameters: method.declaration.parameters,
                    wireNames: method.wireNames, schemas: method.schemas, discriminator: settings.discriminator,
                    errorStatus: settings.failure, tokenPath: settings.logins[action]?.tokenPath,
                    responseSchema: responseSchema, requestComponent: requestName, requestType: requestType,
                    responseType: responseType))
            if let paging = PaginationTranslator.Settings(signature.operation.extensions["x-kiln-pagination"], action: action),
                let responseSchema
            {
                let paged = PaginationTranslator.PagedMethod(
                    name: method.declaration.name, parameters: method.declaration.parameters, wireNames: method.wireNames,
                    sizeSchema: { wireName in
                        translator.document.resolve(requestSchema).flatMap { translator.analysis.mergedObject($0).properties[wireName] }
                    },
                    pageSchema: responseSchema, pageType: responseType,
                    provenance: "\(signature.method.token) \(signature.path)`, action `\(action)")
                let plain = SwiftNaming.unescaped(method.declaration.name)
                output.pagination += PaginationTranslator(translator: translator, access: access).translate(
                    paged, settings: paging, pagesName: scope.claim(plain + "Pages"), allName: scope.claim(plain + "All"))
            }
        }
        return output
    }

    /// The fields every body carries from the client's configuration, typed by the first action that has them.
    func fixedFields(_ operation: Operation) -> [FixedField] {
        guard let settings = Settings(operation.extensions["x-kiln-actions"]),
            let mapping = requestSchema(operation)?.discriminator?.mapping
        else { return [] }
        var scope = NameScope(reserved: ["baseURL", "transport", "middlewares"])
        return settings.fixed.compactMap { wireName in
            for (_, target) in mapping {
                guard let name = componentName(target), let schema = translator.document.components.schemas[name],
                    let resolved = translator.document.resolve(schema)
                else { continue }
                let merged = translator.analysis.mergedObject(resolved)
                guard let property = merged.properties[wireName], let typeName = translator.componentTypeNames[name] else { continue }
                var typeScope = NameScope(reserved: nestedTypeReservations(resolved, typeName: typeName))
                let type = propertyType(property, wireName: wireName, component: name, typeName: typeName, scope: &typeScope)
                let defaultValue = (translator.document.resolve(property) ?? property).defaultValue?.scalar.map {
                    type.unwrapped == .string ? SwiftLiteral.string($0.text) : $0.text
                }
                return FixedField(wireName: wireName, name: scope.claim(SwiftNaming.memberName(wireName)), type: type.unwrapped, defaultValue: defaultValue)
            }
            return nil
        }
    }

    /// The names `StructBuilder` keeps nested types from taking, so the types spelled here exist.
    private func nestedTypeReservations(_ schema: Schema, typeName: String) -> Set<String> {
        translator.referencedComponentTypeNames(in: [schema] + translator.analysis.mergedObject(schema).properties.values)
            .union([typeName, "CodingKeys"])
    }

    private struct Method {
        var declaration: FunctionDeclaration
        var wireNames: [String]
        var schemas: [Schema]
    }

    private func method(
        action: String, requestType: String, requestSchema: Schema, component: String, responseType: SwiftType,
        responseSchema: Schema?, settings: Settings, signature: OperationTranslator.Signature, scope: inout NameScope
    ) -> Method? {
        guard let resolved = translator.document.resolve(requestSchema) else { return nil }
        let merged = translator.analysis.mergedObject(resolved)
        let memberNames = StructBuilder.memberNames(merged.properties)
        let operationID = SwiftLiteral.string(signature.operationID)
        var required: [(Parameter, String, Schema)] = []
        var optional: [(Parameter, String, Schema)] = []
        var arguments: [String] = []
        // A local that no parameter (a property of the request) can shadow.
        var sessionLocal = "sessionToken"
        while memberNames.contains(sessionLocal) { sessionLocal += "_" }
        var typeScope = NameScope(reserved: nestedTypeReservations(resolved, typeName: requestType))
        for ((wireName, property), name) in zip(merged.properties, memberNames) {
            var type = propertyType(
                property, wireName: wireName, component: component, typeName: requestType, scope: &typeScope)
            if !merged.required.contains(wireName) || property.readOnly || property.writeOnly { type = type.optional }
            if wireName == settings.discriminator {
                guard type.unwrapped == .string else { return nil }
                arguments.append("\(SwiftNaming.argumentLabel(name)): \(SwiftLiteral.string(action))")
            } else if settings.fixed.contains(wireName) {
                arguments.append(
                    "\(SwiftNaming.argumentLabel(name)): try core.fixedBodyField(\(SwiftLiteral.string(wireName)), as: \(type.unwrapped).self, operationID: \(operationID))")
            } else {
                // The token is a String: other field types cannot take it.
                let usesSession = settings.sessionFields.contains(wireName) && type.isOptional && type.unwrapped == .string
                arguments.append("\(SwiftNaming.argumentLabel(name)): \(name)\(usesSession ? " ?? \(sessionLocal)" : "")")
                let parameter = Parameter(name: name, type: type, defaultValue: type.isOptional ? "nil" : nil)
                if type.isOptional {
                    optional.append((parameter, wireName, property))
                } else {
                    required.append((parameter, wireName, property))
                }
            }
        }
        let inputs = required + optional
        var body: [Statement] = []
        if arguments.contains(where: { $0.hasSuffix(" ?? \(sessionLocal)") }) {
            body.append(.line("let \(sessionLocal) = await core.session.token"))
        }
        body += [
            .line("let body = \(requestType)(\(arguments.joined(separator: ", ")))"),
            .line("var request = HTTPRequest(method: \(SwiftLiteral.httpMethod(signature.method)), path: \(SwiftLiteral.string(signature.path)))"),
            .line("try request.setJSONBody(body, contentType: \"application/json\", core: core, operationID: \(operationID))"),
        ]
        let errors = signature.response.errors.isEmpty ? "" : ", errors: [\(signature.response.errors.joined(separator: ", "))]"
        // A login's error envelope may still carry the token (second factor pending): ActionError exposes it.
        let tokenPath = settings.logins[action]?.tokenPath.map { ", tokenPath: \(SwiftLiteral.string($0))" } ?? ""
        let failure = "ActionFailureRule(errorValue: \(SwiftLiteral.string(settings.failure))\(tokenPath))"
        body.append(
            .line(
                "let response = try await core.action(\(responseType).self, action: \(SwiftLiteral.string(action)), for: request, operationID: \(operationID), failure: \(failure)\(errors))"
            ))
        if let login = settings.logins[action] {
            body += SessionSettings.statements(login, responseSchema: responseSchema, translator: translator)
        }
        body.append(.line("return response.body"))

        let schemaDocs = translator.document.resolve(requestSchema)
        var documentation = Documentation.lines(
            summary: "The `\(action)` action.", description: schemaDocs?.description,
            provenance: "\(signature.method.token) \(signature.path)` with `\(settings.discriminator): \(action)")
        documentation += [
            "",
            "- Throws: `ActionError` when the server answers with an error envelope (`\(settings.failure)`).",
        ]
        if settings.logins[action]?.tokenPath != nil {
            documentation[documentation.count - 1] += " A login that is not complete yet (a second factor is missing) may still return a token: `ActionError.sessionToken`."
        }
        let name = scope.claim(SwiftNaming.memberName(settings.names[action] ?? action))
        return Method(
            declaration: FunctionDeclaration(
                info: DeclarationInfo(documentation: documentation, access: access), name: name,
                parameters: inputs.map(\.0), isAsync: true, throwsClause: "throws", returnType: responseType, body: body),
            wireNames: inputs.map(\.1), schemas: inputs.map(\.2))
    }

    /// The property's Swift type as the request struct declares it (same hint and scope as
    /// `StructBuilder`), with types nested in the struct spelled from outside: `AuthRequest.Longlife`.
    private func propertyType(
        _ property: Schema, wireName: String, component: String, typeName: String, scope: inout NameScope
    ) -> SwiftType {
        var nested: [Declaration] = []
        let preferred = property.extensions["x-kiln-name"]?.scalar?.text ?? wireName
        let type = translator.swiftType(
            for: property, hint: SwiftNaming.typeName(preferred), owner: component, nested: &nested, scope: &scope)
        let nestedNames = Set(nested.compactMap { declaration -> String? in
            switch declaration {
            case .type(let type): type.name
            case .typealias(let alias): alias.name
            default: nil
            }
        })
        return nestedNames.isEmpty ? type : qualified(type, nestedNames, in: typeName)
    }

    private func qualified(_ type: SwiftType, _ names: Set<String>, in owner: String) -> SwiftType {
        switch type {
        case .named(let name): names.contains(name) ? .named("\(owner).\(name)") : type
        case .optional(let wrapped): .optional(qualified(wrapped, names, in: owner))
        case .array(let element): .array(qualified(element, names, in: owner))
        case .dictionary(let value): .dictionary(qualified(value, names, in: owner))
        case .function: type
        }
    }

    /// The operation's JSON request schema, resolved: the `oneOf` whose discriminator names the actions.
    func requestSchema(_ operation: Operation) -> Schema? {
        guard let body = operation.requestBody.flatMap(translator.document.resolve),
            let media = body.content.first(where: { MediaTypeName.isJSON($0.key) })?.value
        else { return nil }
        return media.schema.flatMap(translator.document.resolve)
    }

    /// `#/components/schemas/ListRequest` or a bare `ListRequest`, as discriminator mappings allow.
    private func componentName(_ target: String) -> String? {
        let prefix = "#/components/schemas/"
        if target.hasPrefix(prefix) { return JSONPointer.unescape(String(target.dropFirst(prefix.count))) }
        return target.contains("/") ? nil : target
    }

}
