import KilnOpenAPI

/// One operation on the server side: the handler's method, its `Input` (parameters decoded with the
/// styles the client encodes, the typed body, the credentials) and `Output` (one case per documented
/// response), and the route that decodes, calls the handler and encodes.
struct ServerOperationTranslator {
    let models: ModelTranslator
    let access: AccessLevel
    let names: ServerNames
    /// Whether the API has security schemes, so inputs carry `credentials`.
    let hasCredentials: Bool

    struct Output {
        var requirement: Declaration
        var namespace: Declaration
        var route: Statement
    }

    /// `typeName` names the operation's enum in the namespace; `methodName` the handler's method.
    func translate(_ signature: OperationTranslator.Signature, typeName: String, methodName: String) -> Output {
        let qualified = "\(names.operations).\(typeName)"
        let (inputName, outputName) = (names.input, names.output)
        var scope = fieldScope(signature)
        let credentials = hasCredentials ? scope.claim("credentials") : nil

        let provenance = "\(signature.method.token) \(signature.path)"
        let documentation = Documentation.lines(
            summary: signature.operation.summary, description: signature.operation.description, provenance: provenance)
        let requirement = Declaration.function(
            FunctionDeclaration(
                info: DeclarationInfo(documentation: documentation), name: methodName,
                parameters: [Parameter(label: "_", name: "input", type: .named("\(qualified).\(inputName)"))],
                isAsync: true, throwsClause: "throws", returnType: .named("\(qualified).\(outputName)"), body: nil))

        let fields = inputFields(signature, credentials: credentials)
        let input = inputStruct(inputName, fields, provenance: provenance)
        let output = outputEnum(outputName, signature.response)
        let namespace = Declaration.type(
            TypeDeclaration(
                info: DeclarationInfo(documentation: ["`\(provenance)` (`\(signature.operationID)`)."], access: access),
                kind: .enum, name: typeName, conformances: [], members: [input, output]))

        let route = Self.route(
            signature,
            [
                inputStatement("\(qualified).\(inputName)", fields),
                .line("return try await handler.\(SwiftNaming.unescaped(methodName))(input).serverResponse()"),
            ])
        return Output(requirement: requirement, namespace: namespace, route: route)
    }

    /// The operation's entry in `routes(_:)`, answering with `body` (which has `inputs` and `handler` in scope).
    static func route(_ signature: OperationTranslator.Signature, _ body: [Statement]) -> Statement {
        .opened(
            "ServerRoute(method: \(SwiftLiteral.string(signature.method.token)), template: \(SwiftLiteral.string(signature.path)), operationID: \(SwiftLiteral.string(signature.operationID))) { _, inputs in",
            body, closing: "},")
    }

    /// `let input = try Input(field: decoded, ...)`.
    func inputStatement(_ inputType: String, _ fields: [Field]) -> Statement {
        let arguments = fields.map { "\(SwiftNaming.argumentLabel($0.name)): \($0.decode)" }
        guard !arguments.isEmpty else { return .line("let input = \(inputType)()") }
        return .opened(
            "let input = \(fields.contains(where: \.throwing) ? "try " : "")\(inputType)(",
            arguments.enumerated().map { index, argument in .line(argument + (index < arguments.count - 1 ? "," : "")) },
            closing: ")")
    }

    /// The names an input's fields take: its parameters' and `body`; others claim theirs from it.
    func fieldScope(_ signature: OperationTranslator.Signature) -> NameScope {
        NameScope(reserved: Set(signature.inputs.map { SwiftNaming.unescaped($0.parameter.name) } + ["body"]))
    }

    /// One stored property of an `Input` and the expression that decodes it in the route.
    struct Field {
        var name: String
        var type: SwiftType
        var decode: String
        var documentation: String
        var defaultValue: String?
        var throwing = true
    }

    func inputFields(_ signature: OperationTranslator.Signature, credentials: String?) -> [Field] {
        let queryNames = signature.inputs.filter { $0.location == .query }.map(\.wireName)
        var fields = signature.inputs.map { input -> Field in
            let location = input.location ?? .query
            let type = input.parameter.type
            var arguments = [
                SwiftLiteral.string(input.wireName), "in: .\(location.rawValue)", "as: \(type.unwrapped).self",
                "style: .\(input.style.rawValue)", "explode: \(input.explode)",
            ]
            let shape = shape(of: type.unwrapped)
            if shape != "primitive" { arguments.append("shape: .\(shape)") }
            if input.asJSON { arguments.append("json: true") }
            if shape == "object", location == .query, input.style == .form, input.explode {
                let others = queryNames.filter { $0 != input.wireName }.map(SwiftLiteral.string)
                if !others.isEmpty { arguments.append("excluding: [\(others.joined(separator: ", "))]") }
            }
            let call = "inputs.\(type.isOptional ? "parameter" : "requiredParameter")(\(arguments.joined(separator: ", ")))"
            return Field(
                name: input.parameter.name, type: type, decode: call,
                documentation: "`\(input.wireName)` in \(location.rawValue)", defaultValue: type.isOptional ? "nil" : nil)
        }
        if let body = signature.body {
            let type = body.parameter.type
            let call = bodyCall(body)
            var encodingThrows = true
            if case .text = body.encoding { encodingThrows = false }
            if case .binary = body.encoding { encodingThrows = false }
            fields.insert(
                Field(
                    name: "body", type: type, decode: type.isOptional ? call : "inputs.required(\(call))",
                    documentation: "The request body (`\(body.contentType)`).", defaultValue: type.isOptional ? "nil" : nil,
                    throwing: encodingThrows || !type.isOptional),
                at: signature.inputs.firstIndex { $0.location != .path } ?? signature.inputs.count)
        }
        if let credentials {
            fields.append(
                Field(
                    name: credentials, type: .named("ServerCredentials"), decode: "inputs.credentials(securitySchemes)",
                    documentation: "What the request presented for the API's security schemes.",
                    defaultValue: "ServerCredentials()", throwing: false))
        }
        return fields
    }

    private func shape(of type: SwiftType) -> String {
        switch type {
        case .array: return "array"
        case .named(let name) where models.structTypes.contains(name): return "object"
        default: return "primitive"
        }
    }

    private func bodyCall(_ body: RequestBodyTranslator.Body) -> String {
        let type = "\(body.parameter.type.unwrapped).self"
        switch body.encoding {
        case .json: return "inputs.jsonBody(\(type))"
        case .form: return "inputs.formBody(\(type)\(body.formFieldStyles))"
        case .multipart(let fields):
            func set(_ names: [String]) -> String { "[\(names.map(SwiftLiteral.string).joined(separator: ", "))]" }
            let files = fields.filter { $0.kind == .file && !$0.isTextFile }.map(\.wireName)
            let textFiles = fields.filter { $0.kind == .file && $0.isTextFile }.map(\.wireName)
            var arguments = [type]
            if !files.isEmpty { arguments.append("fileFields: \(set(files))") }
            if !textFiles.isEmpty { arguments.append("textFileFields: \(set(textFiles))") }
            return "inputs.multipartBody(\(arguments.joined(separator: ", ")))"
        case .text: return "inputs.textBody()"
        case .binary: return "inputs.binaryBody()"
        }
    }

    func inputStruct(_ name: String, _ fields: [Field], provenance: String) -> Declaration {
        let members: [Declaration] = fields.map { field in
            .variable(
                VariableDeclaration(
                    info: DeclarationInfo(documentation: [field.documentation], access: access), isLet: false,
                    name: field.name, type: field.type))
        } + [
            .initializer(
                InitializerDeclaration(
                    info: DeclarationInfo(access: access),
                    // One name serves as label and parameter; a keyword stays escaped (`default`), which Swift
                    // accepts as a label, while a separate label would make a duplicate name.
                    parameters: fields.map { Parameter(name: $0.name, type: $0.type, defaultValue: $0.defaultValue) },
                    body: fields.map { .line("self.\(SwiftNaming.unescaped($0.name)) = \($0.name)") }))
        ]
        return .type(
            TypeDeclaration(
                info: DeclarationInfo(documentation: ["What the request to `\(provenance)` carried, decoded."], access: access),
                kind: .struct, name: name, conformances: ["Sendable", "Equatable"], members: members))
    }

    /// One case per documented response, each with its body and headers (typed when documented); a status
    /// range or `default` also carries the status to send.
    private func outputEnum(_ name: String, _ response: ResponseTranslator.Result) -> Declaration {
        let documented = response.documented.isEmpty
            ? [ResponseTranslator.Documented(code: response.successCode, kind: .empty)] : response.documented
        return ServerOutputEnum(access: access).declaration(
            name: name, cases: documented.map { ServerOutputEnum.documentedCase($0, models: models) })
    }
}
