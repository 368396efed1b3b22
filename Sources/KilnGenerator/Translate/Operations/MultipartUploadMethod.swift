/// A multipart body with file parts also gets an overload taking its fields one by one, each file part as an
/// `UploadBody`: in-memory bytes, or a file streamed from disk as the request is sent rather than read whole
/// into the model's `Data` (`applications.import(portal: p, file: .file(url))`).
struct MultipartUploadMethod {
    let translator: ModelTranslator
    let access: AccessLevel
    let attributes: [String]

    /// `parameters` are the plain method's, the body at `bodyIndex`; `prelude` builds the request up to the
    /// body. `scope` holds the operation's parameter names. Nil when there is no file part, or the fields
    /// cannot be spelled one by one.
    func translate(
        name: String, body: RequestBodyTranslator.Body, parameters: [Parameter], prelude: [Statement],
        response: ResponseTranslator.Result, operationID: String, provenance: String, scope: NameScope
    ) -> Declaration? {
        guard case .multipart(let fields) = body.encoding, fields.contains(where: { $0.kind == .file }),
            let bodyIndex = parameters.firstIndex(where: { $0.name == body.parameter.name }),
            case .named(let typeName) = body.parameter.type.unwrapped, let media = body.media.schema,
            let members = translator.initializerParameters(of: typeName, declaredFor: media)
        else { return nil }
        var scope = scope
        _ = scope.claim("form")
        var locals: [String: String] = [:]
        var fieldParameters: [Parameter] = []
        for field in fields {
            guard var parameter = members.first(where: { $0.name == field.propertyName }) else { return nil }
            parameter.name = scope.claim(parameter.name)
            locals[field.propertyName] = parameter.name
            if field.kind == .file {
                parameter.type = Self.uploadType(parameter.type)
                // No default: a call that leaves out every file part would be ambiguous with the plain method.
                parameter.defaultValue = nil
            }
            fieldParameters.append(parameter)
        }
        var signature = parameters
        signature.replaceSubrange(bodyIndex...bodyIndex, with: fieldParameters)
        let form = RequestBodyTranslator.Body.multipartStatements(fields, operationID, fileUploads: true) {
            locals[$0.propertyName] ?? $0.propertyName
        }
        let call = response.call(operationID)
        let send: Statement = response.bodyType == .void ? .line("_ = try await \(call)") : .line("return try await \(call).body")
        return .function(
            FunctionDeclaration(
                info: DeclarationInfo(
                    documentation: [
                        "``\(SwiftNaming.unescaped(name))`` with the form's fields as arguments: a file part is bytes",
                        "(`.data(zip)`) or a file streamed from disk as it is sent (`.file(url)`).",
                        "", "- Spec: `\(provenance)`",
                    ],
                    access: access, attributes: attributes),
                name: name, parameters: signature, isAsync: true, throwsClause: "throws",
                returnType: response.bodyType == .void ? nil : response.bodyType,
                body: prelude + form + [send]))
    }

    /// `Data?` -> `UploadBody?`, `[String]` -> `[UploadBody]`: the shape kept, the bytes' source open.
    private static func uploadType(_ type: SwiftType) -> SwiftType {
        switch type {
        case .optional(let wrapped): .optional(uploadType(wrapped))
        case .array: .array(.named("UploadBody"))
        default: .named("UploadBody")
        }
    }
}
