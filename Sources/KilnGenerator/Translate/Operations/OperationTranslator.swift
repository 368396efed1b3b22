import KilnOpenAPI
import KilnText

/// One operation as two methods: `name(...)` returning the decoded success body, and `nameRaw(...)`
/// returning it with status and headers (binary bodies get two more, `BinaryResponseMethods`). Inline
/// request and response schemas become top-level types named after the operation (`CreatePetRequest`).
struct OperationTranslator {
    let translator: ModelTranslator
    let access: AccessLevel

    struct Input {
        var parameter: Parameter
        var source: KilnOpenAPI.Parameter
        var wireName: String
        var location: KilnOpenAPI.Parameter.Location?
        var style: KilnOpenAPI.Parameter.Style = .form
        var explode = true
        var allowReserved = false
        var description: String?
        /// Sent as JSON text: `content: application/json`, or a structure no style can express.
        var asJSON = false
    }

    /// What a mock or protocol needs to know of the plain method.
    struct Signature {
        var name: String
        var operationID: String
        var parameters: [Parameter]
        var returnType: SwiftType?
        var deprecated: Bool
        /// What contract tests need to call the method and check the request it sends.
        var path: String
        var method: HTTPMethodName
        var operation: Operation
        var inputs: [Input]
        var body: RequestBodyTranslator.Body?
        var response: ResponseTranslator.Result
        /// Set when the success body is binary: the `to:` overload and chunk sequence exist too.
        var binaryNames: BinaryResponseMethods.Names? = nil
        /// Set when a multipart body has file parts: the overload taking the fields one by one exists too.
        var multipartUpload: MultipartUploadMethod.Overload? = nil
    }

    struct Output {
        var signature: Signature
        var functions: [Declaration]
        /// Inline types the operation needs, declared at file level.
        var types: [Declaration]
    }

    /// `claimMethodName` gives an extra method (`downloadChunks`) a name no other method of the group has.
    func translate(
        path: String, method: HTTPMethodName, item: PathItem, operation: Operation, name: String,
        claimMethodName: (String) -> String
    ) -> Output {
        let document = translator.document
        let operationID = operation.operationId ?? OperationNaming.derivedName(method: method, path: path)
        let typePrefix = SwiftNaming.typeName(operationID)
        var types: [Declaration] = []
        var scope = NameScope(reserved: ["body", "request", "core"])

        var inputs = parameters(path: path, item: item, operation: operation).map { parameter in
            input(for: parameter, typePrefix: typePrefix, scope: &scope, types: &types)
        }
        // Path parameters in template order first, then required ones, then optional ones.
        let templateOrder = PathTemplate.parameterNames(path) ?? []
        inputs.sort { lhs, rhs in
            func rank(_ input: Input) -> (Int, Int) {
                if input.location == .path { return (0, templateOrder.firstIndex(of: input.wireName) ?? 0) }
                return (input.parameter.type.isOptional ? 2 : 1, 0)
            }
            return rank(lhs) < rank(rhs)
        }
        let body = operation.requestBody.flatMap(document.resolve).flatMap {
            RequestBodyTranslator(translator: translator).translate($0, typePrefix: typePrefix, types: &types)
        }
        var signature = inputs.map(\.parameter)
        if let body {
            let insertAt = inputs.firstIndex { $0.location != .path } ?? inputs.count
            signature.insert(body.parameter, at: insertAt)
        }
        let response = ResponseTranslator(translator: translator).translate(
            operation.responses, typePrefix: typePrefix, types: &types)

        let parameterLines: [Statement] = inputs.filter { $0.location != .path }.map { .line(addParameter($0, operationID)) }
        let bodyLines = body?.statements(operationID) ?? []
        let binding = parameterLines.isEmpty && bodyLines.isEmpty ? "let" : "var"
        // Everything before the body: what another way of passing the body (MultipartUploadMethod) shares.
        let prelude = styledPathValues(inputs, operationID) + [
            .line("\(binding) request = HTTPRequest(method: \(SwiftLiteral.httpMethod(method)), path: \(pathLiteral(path, inputs)))")
        ] + parameterLines
        var statements = prelude + bodyLines
        let login = SessionSettings.Login(operation.extensions["x-kiln-login"])
        if let login {
            // Only a successful login or logout changes the session; a thrown error leaves it as it was.
            statements.append(.line("let response = try await \(response.call(operationID))"))
            statements += SessionSettings.statements(
                login, responseSchema: response.successMedia?.schema, translator: translator)
            statements.append(.line("return response"))
        } else {
            statements.append(.line("return try await \(response.call(operationID))"))
        }

        let provenance = "\(method.token) \(path)"
        var documentation = Documentation.lines(
            summary: operation.summary, description: operation.description, provenance: provenance)
        let parameterDocs = parameterDocumentation(inputs, body: body)
        if !parameterDocs.isEmpty { documentation += [""] + parameterDocs }
        let attributes = operation.deprecated ? ["@available(*, deprecated)"] : []
        let arguments = signature.map(\.forwarded).joined(separator: ", ")

        let plain = FunctionDeclaration(
            info: DeclarationInfo(documentation: documentation, access: access, attributes: attributes),
            name: name, parameters: signature, isAsync: true, throwsClause: "throws",
            returnType: response.bodyType == .void ? nil : response.bodyType,
            body: [.line("\(response.bodyType == .void ? "_ = " : "")try await self.\(SwiftNaming.unescaped(name))Raw(\(arguments))\(response.bodyType == .void ? "" : ".body")")])
        let raw = FunctionDeclaration(
            info: DeclarationInfo(
                documentation: ["``\(SwiftNaming.unescaped(name))`` with the response's status and headers.", "", "- Spec: `\(provenance)`"],
                access: access, attributes: attributes),
            name: SwiftNaming.unescaped(name) + "Raw", parameters: signature, isAsync: true, throwsClause: "throws",
            returnType: .named("Response<\(response.bodyType)>"), body: statements)
        var functions: [Declaration] = [.function(plain), .function(raw)]
        var binaryNames: BinaryResponseMethods.Names?
        if response.kind == .data, case .line(let last)? = statements.last, last.hasPrefix("return try await core.data(") {
            let names = BinaryResponseMethods.Names(
                chunks: claimMethodName(SwiftNaming.unescaped(name) + "Chunks"), destination: scope.claim("destination"))
            binaryNames = names
            functions += BinaryResponseMethods(names: names, access: access, attributes: attributes).translate(
                name: name, parameters: signature, statements: Array(statements.dropLast()), response: response,
                operationID: operationID, provenance: provenance)
        }
        var upload: MultipartUploadMethod.Overload?
        if let body, login == nil {
            upload = MultipartUploadMethod(translator: translator, access: access, attributes: attributes).translate(
                name: name, body: body, parameters: signature, prelude: prelude, response: response,
                operationID: operationID, provenance: provenance, scope: scope)
            if let upload { functions.append(upload.declaration) }
        }
        let methodSignature = Signature(
            name: name, operationID: operationID, parameters: signature, returnType: plain.returnType,
            deprecated: operation.deprecated, path: path, method: method, operation: operation, inputs: inputs,
            body: body, response: response, binaryNames: binaryNames, multipartUpload: upload)
        return Output(signature: methodSignature, functions: functions, types: types)
    }

    /// Path-level parameters overridden by operation-level ones with the same name and location.
    private func parameters(path: String, item: PathItem, operation: Operation) -> [KilnOpenAPI.Parameter] {
        let document = translator.document
        var result: [KilnOpenAPI.Parameter] = []
        for parameter in (item.parameters + operation.parameters).compactMap(document.resolve) {
            // OpenAPI: Accept, Content-Type and Authorization headers are described elsewhere.
            if parameter.location == .header,
                ["accept", "content-type", "authorization"].contains(parameter.name.lowercased())
            {
                continue
            }
            result.removeAll { $0.name == parameter.name && $0.location == parameter.location }
            result.append(parameter)
        }
        // The validator warned about both: a template without a declaration is sent as a string, and a
        // path parameter the template lacks has nowhere to go.
        let templateNames = PathTemplate.parameterNames(path) ?? []
        result.removeAll { $0.location == .path && !templateNames.contains($0.name) }
        for name in templateNames where !result.contains(where: { $0.location == .path && $0.name == name }) {
            var parameter = KilnOpenAPI.Parameter(name: name, location: .path, at: operation.location)
            parameter.required = true
            parameter.schema = Schema(at: operation.location)
            parameter.schema?.types = [.string]
            result.append(parameter)
        }
        return result
    }

    private func input(
        for parameter: KilnOpenAPI.Parameter, typePrefix: String, scope: inout NameScope, types: inout [Declaration]
    ) -> Input {
        let preferred = parameter.extensions["x-kiln-name"]?.scalar?.text ?? parameter.name
        let name = scope.claim(SwiftNaming.memberName(preferred))
        let schema = parameter.schema ?? parameter.content.first?.value.schema
        let typed = ParameterTyping(translator: translator).type(
            of: schema, hint: typePrefix + SwiftNaming.typeName(preferred), types: &types)
        var type = typed.type
        // A parameter with `content:` but no `schema` is JSON text by definition.
        let asJSON = parameter.schema == nil || typed.sending != .styled
        if parameter.schema != nil, typed.sending == .jsonInstead {
            translator.diagnostics.warning(
                "parameter '\(parameter.name)' has a type that no \(parameter.location.rawValue) parameter style can "
                    + "express (\(type.unwrapped)); Kiln sends it as JSON text",
                at: parameter.sourceLocation)
        }
        if !parameter.required { type = type.optional }
        return Input(
            parameter: Parameter(name: name, type: type, defaultValue: type.isOptional ? "nil" : nil), source: parameter,
            wireName: parameter.name, location: parameter.location, style: parameter.effectiveStyle,
            explode: parameter.effectiveExplode, allowReserved: parameter.allowReserved,
            description: parameter.description, asJSON: asJSON)
    }

    private func pathLiteral(_ path: String, _ inputs: [Input]) -> String {
        var literal = ""
        var template: String?
        for character in path {
            if character == "{" {
                template = ""
            } else if character == "}", let name = template {
                if let input = inputs.first(where: { $0.location == .path && $0.wireName == name }) {
                    literal += Self.isPlainSegment(input)
                        ? "\\(PathEncoder.segment(\(input.parameter.name)))" : "\\(\(styledPathName(input, among: inputs)))"
                } else {
                    literal += "{\(name)}"
                }
                template = nil
            } else if template != nil {
                template?.append(character)
            } else {
                literal.append(character)
            }
        }
        var swift = SwiftLiteral.string(literal).replacing("\\\\(PathEncoder", with: "\\(PathEncoder")
        for input in inputs where input.location == .path && !Self.isPlainSegment(input) {
            let local = styledPathName(input, among: inputs)
            swift = swift.replacing("\\\\(\(local))", with: "\\(\(local))")
        }
        return swift
    }

    /// `simple` without explode, the default and by far the most common: one encoded segment.
    private static func isPlainSegment(_ input: Input) -> Bool {
        input.style == .simple && !input.explode && !input.asJSON
    }

    /// Label (`.a.b`), matrix (`;id=a,b`) and exploded styles, encoded before the path is built: the
    /// call would not fit inside the path's string literal.
    private func styledPathValues(_ inputs: [Input], _ operationID: String) -> [Statement] {
        inputs.filter { $0.location == .path && !Self.isPlainSegment($0) }.map { input in
            if input.asJSON {
                return .line(
                    "let \(styledPathName(input, among: inputs)) = try PathEncoder.jsonSegment(\(input.parameter.name), core: core, operationID: \(SwiftLiteral.string(operationID)))")
            }
            let style = ["simple", "label", "matrix"].contains(input.style.rawValue) ? input.style.rawValue : "simple"
            return .line(
                "let \(styledPathName(input, among: inputs)) = PathEncoder.encode(name: \(SwiftLiteral.string(input.wireName)), value: \(input.parameter.name).parameterValue, style: .\(style), explode: \(input.explode))")
        }
    }

    /// `idPath` for `id`, unless a parameter has that name: a local must not shadow one.
    private func styledPathName(_ input: Input, among inputs: [Input]) -> String {
        var name = "\(SwiftNaming.unescaped(input.parameter.name))Path"
        while inputs.contains(where: { SwiftNaming.unescaped($0.parameter.name) == name }) { name += "_" }
        return name
    }

    private func addParameter(_ input: Input, _ operationID: String) -> String {
        let name = SwiftLiteral.string(input.wireName)
        let value = input.parameter.name
        if input.asJSON && input.location != .path {
            return "try request.addJSONParameter(\(name), \(value), in: .\(input.location?.rawValue ?? "query"), core: core, operationID: \(SwiftLiteral.string(operationID)))"
        }
        switch input.location {
        case .header:
            return "request.addHeader(\(name), \(value)\(input.explode ? ", explode: true" : ""))"
        case .cookie:
            return "request.addCookie(\(name), \(value)\(input.explode ? "" : ", explode: false"))"
        default:
            var arguments = "\(name), \(value)"
            if input.style != .form { arguments += ", style: .\(input.style.rawValue)" }
            // deepObject has no unexploded form; OpenAPI's explode default (false) does not apply to it.
            if !input.explode && input.style != .deepObject { arguments += ", explode: false" }
            if input.allowReserved { arguments += ", allowReserved: true" }
            return "request.addQuery(\(arguments))"
        }
    }

    private func parameterDocumentation(_ inputs: [Input], body: RequestBodyTranslator.Body?) -> [String] {
        var lines: [String] = []
        for input in inputs {
            let place = "`\(input.wireName)` in \(input.location?.rawValue ?? "query")"
            let text = input.description.map { "\(Documentation.oneLine($0)) (\(place))" } ?? place
            lines.append("  - \(SwiftNaming.argumentLabel(input.parameter.name)): \(text)")
        }
        if let body { lines.append("  - body: \(body.summary)") }
        return lines.isEmpty ? [] : ["- Parameters:"] + lines
    }

}
