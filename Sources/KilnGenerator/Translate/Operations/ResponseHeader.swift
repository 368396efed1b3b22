import KilnOpenAPI

/// A header a response documents, typed like a header parameter (the `simple` style both sides share):
/// what a server's output case takes, so a handler cannot misspell or mistype it.
struct ResponseHeader {
    var wireName: String
    /// Optional unless the header is required. A header no style can express is its text (`String`).
    var type: SwiftType
    var explode: Bool
    var source: Header

    /// The headers of one response in the spec's order. `Content-Type` is left out: OpenAPI says to ignore
    /// it, the body's media type sets it.
    static func headers(
        of response: Response, typePrefix: String, translator: ModelTranslator, types: inout [Declaration]
    ) -> [ResponseHeader] {
        let typing = ParameterTyping(translator: translator)
        return response.headers.compactMap { wireName, value -> ResponseHeader? in
            guard wireName.lowercased() != "content-type", let header = translator.document.resolve(value) else { return nil }
            let schema = header.schema ?? header.content.first?.value.schema
            let typed = typing.type(of: schema, hint: typePrefix + SwiftNaming.typeName(wireName) + "Header", types: &types)
            let type = header.schema != nil && typed.sending == .styled ? typed.type : .string
            return ResponseHeader(
                wireName: wireName, type: header.required ? type : type.optional, explode: header.explode ?? false, source: header)
        }
    }
}
