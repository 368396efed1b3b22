import KilnOpenAPI
import KilnYAML

/// `x-kiln-pagination` on an operation: besides the one-page method, `<name>Pages(...)` (an async
/// sequence of pages, fetched lazily) and `<name>All(...)` (every item across all pages).
struct PaginationTranslator {
    let translator: ModelTranslator
    let access: AccessLevel

    struct Settings {
        var style: String
        var page: String
        var firstPage: Int
        var pageSize: String
        var offset: String
        var limit: String
        var items: String
        var totalPages: String?
        var total: String?

        init?(_ node: YAMLNode?) {
            guard let node, node["action"] == nil, (node["in"]?.scalar?.text ?? "query") == "query" else { return nil }
            style = node["style"]?.scalar?.text ?? "page"
            page = node["page"]?.scalar?.text ?? "page"
            firstPage = Int(node["firstPage"]?.scalar?.text ?? "1") ?? 1
            pageSize = node["pageSize"]?.scalar?.text ?? "pageSize"
            offset = node["offset"]?.scalar?.text ?? "offset"
            limit = node["limit"]?.scalar?.text ?? "limit"
            items = node["items"]?.scalar?.text ?? ""
            totalPages = node["totalPages"]?.scalar?.text
            total = node["total"]?.scalar?.text
        }
    }

    /// The two methods, or nothing when the extension does not fit the operation (reported by lint).
    func translate(_ signature: OperationTranslator.Signature, pagesName: String, allName: String) -> [Declaration] {
        guard let settings = Settings(signature.operation.extensions["x-kiln-pagination"]),
            case .json = signature.response.kind, !signature.response.bodyType.isOptional,
            let pageSchema = signature.response.successMedia?.schema,
            let items = accessor(settings.items, from: pageSchema), case .array(let element) = items.type
        else { return [] }
        let isPageStyle = settings.style == "page"
        let numberInput = isPageStyle ? settings.page : settings.offset
        let sizeInput = isPageStyle ? settings.pageSize : settings.limit
        guard let number = signature.inputs.first(where: { $0.wireName == numberInput }),
            let size = signature.inputs.first(where: { $0.wireName == sizeInput })
        else { return [] }
        let totalPath = isPageStyle ? settings.totalPages : settings.total
        let total = totalPath.flatMap { accessor($0, from: pageSchema) }

        // Every other input passes through unchanged; the paging ones come from the sequence.
        let passed = signature.parameters.filter { $0.name != number.parameter.name && $0.name != size.parameter.name }
        let sizeDefault = size.source.schema?.defaultValue?.scalar?.text ?? "50"
        let parameters = passed + [Parameter(name: "pageSize", type: .int, defaultValue: sizeDefault)]
        let forwarded = signature.parameters.map { parameter -> String in
            let value: String
            if parameter.name == number.parameter.name {
                value = convert(isPageStyle ? "request.page" : "request.offset", to: number.parameter.type)
            } else if parameter.name == size.parameter.name {
                value = convert("request.pageSize", to: size.parameter.type)
            } else {
                value = parameter.name
            }
            return parameter.label == "_" ? value : "\(bare(parameter.name)): \(value)"
        }.joined(separator: ", ")
        let pageType = signature.response.bodyType
        let itemsExpression = items.optional ? "(\(items.expression) ?? [])" : items.expression
        let totalExpression = total.map { total in
            total.optional ? "\(total.expression).map { Int($0) }" : "Int(\(total.expression))"
        } ?? "nil"

        let factory: Statement = .opened(
            isPageStyle ? "PageSequence.pageNumbered(" : "PageSequence.offsetBased(",
            [
                .line(isPageStyle ? "firstPage: \(settings.firstPage), pageSize: pageSize," : "limit: pageSize,"),
                .line("fetch: { [self] request in try await \(signature.name)(\(forwarded)) },"),
                .line("itemCount: { \(itemsExpression).count },"),
                .line("\(isPageStyle ? "totalPages" : "total"): { \(totalExpression) }"),
            ],
            closing: ")")
        let plainName = bare(signature.name)
        let arguments = passed.map { $0.label == "_" ? $0.name : "\(bare($0.name)): \(bare($0.name))" } + ["pageSize: pageSize"]
        return [
            .function(
                FunctionDeclaration(
                    info: DeclarationInfo(
                        documentation: [
                            "Every page of ``\(plainName)``, each fetched when the sequence reaches it.",
                            "", "- Spec: `\(signature.method.rawValue.uppercased()) \(signature.path)`, x-kiln-pagination",
                        ],
                        access: access),
                    name: pagesName, parameters: parameters, returnType: .named("PageSequence<\(pageType)>"),
                    body: [factory])),
            .function(
                FunctionDeclaration(
                    info: DeclarationInfo(
                        documentation: [
                            "Every item of ``\(plainName)`` across all pages: `for try await item in \(allName)() { ... }`.",
                        ],
                        access: access),
                    name: allName, parameters: parameters,
                    returnType: .named("PageItemSequence<\(pageType), \(element)>"),
                    body: [.line("\(pagesName)(\(arguments.joined(separator: ", "))).items { \(itemsExpression) }")])),
        ]
    }

    /// `$0.pagingDetails?.totalPages` for the dot path `pagingDetails.totalPages` through the page's
    /// model, with the leaf's Swift type and whether the chain can be nil. nil when the path leaves
    /// the declared properties or crosses an inline type.
    private func accessor(_ path: String, from schema: Schema) -> (expression: String, type: SwiftType, optional: Bool)? {
        var expression = "$0"
        var optional = false
        var current = schema
        var type: SwiftType?
        for segment in path.split(separator: ".").map(String.init) {
            guard let resolved = translator.document.resolve(current) else { return nil }
            let merged = translator.analysis.mergedObject(resolved)
            guard let index = merged.properties.keys.firstIndex(of: segment) else { return nil }
            let property = merged.properties.values[index]
            let name = StructBuilder.memberNames(merged.properties)[index]
            expression += (optional ? "?." : ".") + name
            var nested: [Declaration] = []
            var scope = NameScope()
            let propertyType = translator.swiftType(for: property, hint: "Unused", owner: nil, nested: &nested, scope: &scope)
            guard nested.isEmpty else { return nil }
            let isOptional = propertyType.isOptional || !merged.required.contains(segment) || property.readOnly || property.writeOnly
            optional = optional || isOptional
            type = propertyType.unwrapped
            current = property
        }
        guard let type else { return nil }
        return (expression, type, optional)
    }

    private func convert(_ value: String, to type: SwiftType) -> String {
        type.unwrapped == .int ? value : "\(type.unwrapped)(\(value))"
    }

    private func bare(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }
}
