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

        /// `action`: the x-kiln-actions action being translated; a plain operation's paging is in its query.
        init?(_ node: YAMLNode?, action: String? = nil) {
            guard let node, node["action"]?.scalar?.text == action else { return nil }
            if action == nil, (node["in"]?.scalar?.text ?? "query") != "query" { return nil }
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

    /// The one-page method the sequences call: its parameters (by wire name) and the page's schema.
    struct PagedMethod {
        var name: String
        var parameters: [Parameter]
        /// Wire name of each parameter, so `page`/`pageSize` in the extension find theirs.
        var wireNames: [String]
        var sizeSchema: (String) -> Schema?
        var pageSchema: Schema
        var pageType: SwiftType
        var provenance: String

        init(_ signature: OperationTranslator.Signature) {
            name = signature.name
            parameters = signature.parameters
            wireNames = signature.parameters.map { parameter in
                signature.inputs.first { $0.parameter.name == parameter.name }?.wireName ?? parameter.name
            }
            let inputs = signature.inputs
            sizeSchema = { wireName in inputs.first { $0.wireName == wireName }?.source.schema }
            pageSchema = signature.response.successMedia?.schema ?? Schema(at: signature.operation.location)
            pageType = signature.response.bodyType
            provenance = "\(signature.method.token) \(signature.path)"
        }

        init(
            name: String, parameters: [Parameter], wireNames: [String], sizeSchema: @escaping (String) -> Schema?,
            pageSchema: Schema, pageType: SwiftType, provenance: String
        ) {
            self.name = name
            self.parameters = parameters
            self.wireNames = wireNames
            self.sizeSchema = sizeSchema
            self.pageSchema = pageSchema
            self.pageType = pageType
            self.provenance = provenance
        }
    }

    /// The two methods for a plain operation, or nothing when the extension does not fit it (lint reports it).
    func translate(_ signature: OperationTranslator.Signature, pagesName: String, allName: String) -> [Declaration] {
        guard let settings = Settings(signature.operation.extensions["x-kiln-pagination"]),
            case .json = signature.response.kind, !signature.response.bodyType.isOptional,
            signature.response.successMedia?.schema != nil
        else { return [] }
        return translate(PagedMethod(signature), settings: settings, pagesName: pagesName, allName: allName)
    }

    func translate(_ method: PagedMethod, settings: Settings, pagesName: String, allName: String) -> [Declaration] {
        guard let items = accessor(settings.items, from: method.pageSchema), case .array(let element) = items.type
        else { return [] }
        let isPageStyle = settings.style == "page"
        let numberInput = isPageStyle ? settings.page : settings.offset
        let sizeInput = isPageStyle ? settings.pageSize : settings.limit
        guard let numberIndex = method.wireNames.firstIndex(of: numberInput),
            let sizeIndex = method.wireNames.firstIndex(of: sizeInput)
        else { return [] }
        let number = method.parameters[numberIndex]
        let size = method.parameters[sizeIndex]
        let totalPath = isPageStyle ? settings.totalPages : settings.total
        let total = totalPath.flatMap { accessor($0, from: method.pageSchema) }

        // Every other input passes through unchanged; the paging ones come from the sequence.
        let passed = method.parameters.filter { $0.name != number.name && $0.name != size.name }
        let sizeDefault = method.sizeSchema(sizeInput)?.defaultValue?.scalar?.text ?? "50"
        let parameters = passed + [Parameter(name: "pageSize", type: .int, defaultValue: sizeDefault)]
        let forwarded = method.parameters.map { parameter -> String in
            let value: String
            if parameter.name == number.name {
                value = convert(isPageStyle ? "request.page" : "request.offset", to: number.type)
            } else if parameter.name == size.name {
                value = convert("request.pageSize", to: size.type)
            } else {
                value = parameter.name
            }
            return parameter.label == "_" ? value : "\(SwiftNaming.argumentLabel(parameter.name)): \(value)"
        }.joined(separator: ", ")
        let pageType = method.pageType
        let itemsExpression = items.optional ? "(\(items.expression) ?? [])" : items.expression
        let totalExpression = total.map { total in
            total.optional ? "\(total.expression).map { Int($0) }" : "Int(\(total.expression))"
        } ?? "nil"

        let factory: Statement = .opened(
            isPageStyle ? "PageSequence.pageNumbered(" : "PageSequence.offsetBased(",
            [
                .line(isPageStyle ? "firstPage: \(settings.firstPage), pageSize: pageSize," : "limit: pageSize,"),
                .line("fetch: { [self] request in try await self.\(SwiftNaming.unescaped(method.name))(\(forwarded)) },"),
                .line("itemCount: { \(itemsExpression).count },"),
                .line("\(isPageStyle ? "totalPages" : "total"): { \(totalExpression) }"),
            ],
            closing: ")")
        let plainName = SwiftNaming.unescaped(method.name)
        let arguments = passed.map { $0.label == "_" ? $0.name : "\(SwiftNaming.argumentLabel($0.name)): \(SwiftNaming.unescaped($0.name))" } + ["pageSize: pageSize"]
        return [
            .function(
                FunctionDeclaration(
                    info: DeclarationInfo(
                        documentation: [
                            "Every page of ``\(plainName)``, each fetched when the sequence reaches it.",
                            "", "- Spec: `\(method.provenance)`, x-kiln-pagination",
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

    private func accessor(_ path: String, from schema: Schema) -> (expression: String, type: SwiftType, optional: Bool)? {
        PropertyPath(translator: translator).accessor(path, from: schema).map { ($0.expression, $0.type, $0.optional) }
    }

    private func convert(_ value: String, to type: SwiftType) -> String {
        type.unwrapped == .int ? value : "\(type.unwrapped)(\(value))"
    }

}
