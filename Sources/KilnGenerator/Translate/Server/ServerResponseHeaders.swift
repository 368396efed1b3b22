/// The documented headers of one response on the server side: a struct nested in the operation's `Output`
/// (`OkHeaders`) with one typed property per header, which writes them with the client's header encoder.
struct ServerResponseHeaders {
    /// The struct's method that turns it into header fields; no property may take its name.
    static let fieldsMethod = "httpFields"

    let typeName: String
    let properties: [(header: ResponseHeader, name: String)]

    /// Nil when the response documents no headers: its case keeps the plain `headers: HTTPFields`.
    init?(caseName: String, headers: [ResponseHeader], models: ModelTranslator) {
        guard !headers.isEmpty else { return nil }
        // Nested in `Output`, a name a model has would shadow the model there.
        var typeName = SwiftNaming.typeName(caseName) + "Headers"
        while models.topLevelScope.contains(typeName) { typeName += "_" }
        self.typeName = typeName
        var scope = NameScope(reserved: [Self.fieldsMethod])
        properties = headers.map { ($0, scope.claim(SwiftNaming.memberName($0.wireName))) }
    }

    /// Whether every header is optional, so the case can default to the empty struct.
    var allOptional: Bool { properties.allSatisfy { $0.header.type.isOptional } }

    func declaration(_ access: AccessLevel, caseDocumentation: String) -> Declaration {
        let variables: [Declaration] = properties.map { header, name in
            let place = "`\(header.wireName)`" + (header.type.isOptional ? "" : " (required)")
            let documentation = header.source.description.map { "\(place): \(Documentation.oneLine($0))" } ?? place
            return .variable(
                VariableDeclaration(
                    info: DeclarationInfo(documentation: [documentation], access: access), isLet: false, name: name,
                    type: header.type))
        }
        let initializer = Declaration.initializer(
            InitializerDeclaration(
                info: DeclarationInfo(access: access),
                parameters: properties.map { Parameter(name: $0.name, type: $0.header.type, defaultValue: $0.header.type.isOptional ? "nil" : nil) },
                body: properties.map { .line("self.\(SwiftNaming.unescaped($0.name)) = \($0.name)") }))
        let appends: [Statement] = properties.map { header, name in
            .line("fields.appendHeader(\(SwiftLiteral.string(header.wireName)), \(name)\(header.explode ? ", explode: true" : ""))")
        }
        let fields = Declaration.function(
            FunctionDeclaration(
                info: DeclarationInfo(documentation: ["`extraHeaders` (undocumented ones), then the documented headers, `simple` style."]),
                name: Self.fieldsMethod, parameters: [Parameter(label: "adding", name: "extraHeaders", type: .named("HTTPFields"))],
                returnType: .named("HTTPFields"),
                body: [.line("var fields = extraHeaders")] + appends + [.line("return fields")]))
        return .type(
            TypeDeclaration(
                info: DeclarationInfo(documentation: ["The headers \(caseDocumentation) documents."], access: access),
                kind: .struct, name: typeName, conformances: ["Sendable", "Equatable"],
                members: variables + [initializer, fields]))
    }
}
