/// A multipart body with file parts also gets an overload taking its fields one by one, each file part as an
/// `UploadBody`: in-memory bytes, or a file streamed from disk as the request is sent rather than read whole
/// into the model's `Data` (`applications.import(portal: p, file: .file(url))`).
struct MultipartUploadMethod {
    let translator: ModelTranslator
    let access: AccessLevel
    let attributes: [String]

    /// The overload, and what a mock needs to answer it through the plain method's stub.
    struct Overload {
        var declaration: Declaration
        /// The overload's parameters: the plain method's, the body replaced by the form's fields.
        var parameters: [Parameter]
        /// The plain method's body parameter, and the expression that builds it from the fields (file parts
        /// read into memory: `try file.loadedData()`); nil when the model's initializer needs more than them.
        var bodyName: String
        var bodyConstruction: String?
    }

    /// `parameters` are the plain method's, the body at `bodyIndex`; `prelude` builds the request up to the
    /// body. `scope` holds the operation's parameter names. Nil when there is no file part, or the fields
    /// cannot be spelled one by one.
    func translate(
        name: String, body: RequestBodyTranslator.Body, parameters: [Parameter], prelude: [Statement],
        response: ResponseTranslator.Result, operationID: String, provenance: String, scope: NameScope
    ) -> Overload? {
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
        // Each file part's property, and whether the model holds it as text (3.1 `contentMediaType` strings).
        let fileFields = Dictionary(uniqueKeysWithValues: fields.filter { $0.kind == .file }.map { ($0.propertyName, $0.isTextFile) })
        let declaration = Declaration.function(
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
        return Overload(
            declaration: declaration, parameters: signature, bodyName: body.parameter.name,
            bodyConstruction: Self.construction(typeName, members: members, locals: locals, fileFields: fileFields, fields: fieldParameters))
    }

    /// `Form(portal: portal, file: try file.loadedData())`: the model from the fields, in its initializer's
    /// order; nil when the initializer has a required member that is not a field.
    private static func construction(
        _ typeName: String, members: [Parameter], locals: [String: String], fileFields: [String: Bool], fields: [Parameter]
    ) -> String? {
        var arguments: [String] = []
        for member in members {
            guard let local = locals[member.name] else {
                if member.defaultValue == nil { return nil }
                continue
            }
            let type = fields.first { $0.name == local }?.type ?? member.type
            let value = fileFields[member.name].map { loaded(local, type, asText: $0) } ?? local
            arguments.append("\(SwiftNaming.argumentLabel(member.name)): \(value)")
        }
        return "\(typeName)(\(arguments.joined(separator: ", ")))"
    }

    /// An `UploadBody` argument (or its optional or array) read into `Data`, or into a `String` for a text property.
    private static func loaded(_ local: String, _ type: SwiftType, asText: Bool) -> String {
        let read = asText ? "loadedText()" : "loadedData()"
        return switch type {
        case .optional(.array): "try \(local)?.map { try $0.\(read) }"
        case .optional: "try \(local)?.\(read)"
        case .array: "try \(local).map { try $0.\(read) }"
        default: "try \(local).\(read)"
        }
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
