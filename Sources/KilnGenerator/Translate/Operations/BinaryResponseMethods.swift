/// A binary success body (a zip, an image) may be too large for memory, so besides `name(...) -> Data` the
/// operation gets `name(..., to:) -> URL`, streaming it to a file, and `nameChunks(...)`, handing out its
/// chunks as they arrive.
struct BinaryResponseMethods {
    /// The names the two methods take: what the mock needs to offer them too.
    struct Names {
        /// `downloadChunks`, claimed among the group's methods.
        var chunks: String
        /// The `to:` parameter's name, claimed among the operation's parameters.
        var destination: String
    }

    let names: Names
    let access: AccessLevel
    let attributes: [String]

    /// `statements` build the request (everything before the plain method's `return`).
    func translate(
        name: String, parameters: [Parameter], statements: [Statement], response: ResponseTranslator.Result,
        operationID: String, provenance: String
    ) -> [Declaration] {
        let plain = SwiftNaming.unescaped(name)
        let destination = names.destination
        let toFile = FunctionDeclaration(
            info: DeclarationInfo(
                documentation: [
                    "``\(plain)`` written to the file at `\(destination)` as it arrives (replacing it),",
                    "in constant memory; returns `\(destination)`. A failure midway removes the partial file.",
                    "", "- Spec: `\(provenance)`",
                ],
                access: access, attributes: attributes),
            name: name, parameters: parameters + [Parameter(label: "to", name: destination, type: .named("URL"))],
            isAsync: true, throwsClause: "throws", returnType: .named("URL"),
            body: statements + [.line("return try await \(response.streamedDataCall(operationID, destination: destination)).body")])
        let chunks = FunctionDeclaration(
            info: DeclarationInfo(
                documentation: [
                    "``\(plain)`` as the chunks the connection delivers, read as you iterate: nothing holds the",
                    "whole body. An error status throws before the first chunk; leaving the loop or cancelling",
                    "the task cancels the request.",
                    "", "- Spec: `\(provenance)`",
                ],
                access: access, attributes: attributes),
            name: names.chunks, parameters: parameters, isAsync: true, throwsClause: "throws",
            returnType: .named("ResponseBody"),
            body: statements + [.line("return try await \(response.streamedDataCall(operationID, destination: nil)).body")])
        return [.function(toFile), .function(chunks)]
    }
}
