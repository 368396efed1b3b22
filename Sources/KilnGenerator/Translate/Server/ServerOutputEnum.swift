/// An operation's `Output`: one case per response a handler may return, and `serverResponse()`, which
/// writes the case's status, headers and body. Operations name their cases after the documented
/// statuses; an action's also has `success` and `failure`, both sent with the same status.
struct ServerOutputEnum {
    struct Case {
        var name: String
        /// The status code sent (`200`), or nil when the case carries the status (a range, `default`).
        var status: String?
        var kind: ResponseTranslator.Kind
        var bodyType: SwiftType?
        var mediaType: String?
        var documentation: String
        /// The response's documented headers as a typed struct; nil sends `headers: HTTPFields` as given.
        var headers: ServerResponseHeaders? = nil
        /// How the headers struct's doc comment names the case: "`.ok` (200)".
        var headersDocumentation: String = ""
    }

    let access: AccessLevel

    /// A documented response's case: `ok`, `notFound`, `status418`, or `clientError`/`status` with the status.
    static func documentedCase(_ entry: ResponseTranslator.Documented, models: ModelTranslator) -> Case {
        let (name, carriesStatus) = ServerNames.responseCase(entry.code)
        let documentation = entry.description.map { Documentation.oneLine($0) }.map { "\(entry.code): \($0)" } ?? entry.code
        return Case(
            name: name, status: carriesStatus ? nil : entry.code, kind: entry.kind, bodyType: entry.bodyType,
            mediaType: entry.mediaType, documentation: documentation,
            headers: ServerResponseHeaders(caseName: name, headers: entry.headers, models: models),
            headersDocumentation: "`.\(name)` (\(entry.code))")
    }

    func declaration(name: String, cases: [Case]) -> Declaration {
        var members: [Declaration] = []
        var headerTypes: [Declaration] = []
        var encoding: [SwitchCase] = []
        for entry in cases {
            var values: [SwiftType] = []
            var bindings: [String] = []
            if entry.status == nil {
                values.append(.function("status: Int"))
                bindings.append("let status")
            }
            let bodyType: SwiftType? = entry.kind == .empty ? nil : entry.kind.isStream ? .data : entry.bodyType
            if let bodyType {
                values.append(.function("_ body: \(bodyType)"))
                bindings.append("let body")
            }
            // Documented headers are typed; `extraHeaders` still sends undocumented ones.
            if let typed = entry.headers {
                headerTypes.append(typed.declaration(access, caseDocumentation: entry.headersDocumentation))
                values.append(.function("headers: \(typed.typeName)\(typed.allOptional ? " = \(typed.typeName)()" : "")"))
                values.append(.function("extraHeaders: HTTPFields = [:]"))
                bindings += ["let headers", "let extraHeaders"]
            } else {
                values.append(.function("headers: HTTPFields = [:]"))
                bindings.append("let headers")
            }
            members.append(
                .enumCase(EnumCaseDeclaration(info: DeclarationInfo(documentation: [entry.documentation]), name: entry.name, associatedValues: values)))
            encoding.append(SwitchCase("case .\(entry.name)(\(bindings.joined(separator: ", ")))", [.line("return \(write(entry))")]))
        }
        let encode = Declaration.function(
            FunctionDeclaration(
                info: DeclarationInfo(documentation: ["The response as sent: status, headers and encoded body."]),
                name: "serverResponse", parameters: [], throwsClause: "throws", returnType: .named("ServerResponse"),
                body: [.switch("self", encoding)]))
        return .type(
            TypeDeclaration(
                info: DeclarationInfo(documentation: ["The documented responses; a handler returns one."], access: access),
                kind: .enum, name: name, conformances: ["Sendable", "Equatable"], members: members + headerTypes + [encode]))
    }

    /// The `ServerResponse` factory call for one case, its bindings in scope.
    private func write(_ entry: Case) -> String {
        let status = entry.status ?? "status"
        let headers = entry.headers == nil ? "headers" : "headers.\(ServerResponseHeaders.fieldsMethod)(adding: extraHeaders)"
        let contentType = entry.mediaType.map { $0.contains("*") ? "application/octet-stream" : $0 }.map(SwiftLiteral.string)
        switch entry.kind {
        case .empty: return ".empty(\(status), headers: \(headers))"
        case .json: return "try .json(\(status), body, contentType: \(contentType ?? "\"application/json\""), headers: \(headers))"
        case .text: return ".text(\(status), body, contentType: \(contentType ?? "\"text/plain\""), headers: \(headers))"
        case .data, .events, .jsonLines, .jsonSequence:
            return ".data(\(status), body, contentType: \(contentType ?? "\"application/octet-stream\""), headers: \(headers))"
        }
    }
}
