import KilnOpenAPI
import KilnText

/// Contract tests, one per operation: call the real client through URLSession against a loopback
/// server that answers with the spec's example; check the method, path, query, headers and body the
/// server received, and that the example response decodes and re-encodes to the same JSON.
struct ContractTestTranslator {
    let document: OpenAPIDocument
    let clientName: String
    let groups: [ClientTranslator.Group]
    let translator: ModelTranslator

    var samples: SampleBuilder { SampleBuilder(document: document, analysis: translator.analysis) }

    func translate() -> [Declaration] {
        var scope = NameScope()
        var tests: [Declaration] = []
        for group in groups {
            for signature in group.signatures {
                let name = scope.claim(SwiftNaming.memberName(signature.operationID))
                tests.append(test(signature, group: group, name: name))
            }
            for (operation, call) in group.actionCalls {
                tests += actionTests(operation, call, group: group, scope: &scope)
                tests += actionErrorTests(operation, call, group: group, scope: &scope)
            }
        }
        let suiteName = SwiftNaming.typeName(clientName + "ContractTests")
        return [
            .type(
                TypeDeclaration(
                    info: DeclarationInfo(
                        documentation: ["Contract tests of ``\(clientName)`` against the examples in \(FilePaths.fileName(of: document.file))."],
                        attributes: ["@Suite(.serialized)"]),
                    kind: .struct, name: suiteName, conformances: [], members: tests))
        ]
    }

    var basePath: String {
        guard let server = document.servers.first else { return "" }
        var url = server.url
        for (name, variable) in server.variables { url = url.replacing("{\(name)}", with: variable.defaultValue) }
        guard let path = URLReference(url)?.path else { return "" }
        return path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    private func test(_ signature: OperationTranslator.Signature, group: ClientTranslator.Group, name: String) -> Declaration {
        var body: [Statement] = []
        var arguments: [String] = []
        var checks: [Statement] = []
        var queryPairs: [(String, String)] = []
        // The query as sent, when every pair is a plain `name=value` (joined styles and allowReserved aside).
        var rawQuery: [String]? = []
        var path = signature.path

        for input in signature.inputs {
            let value = parameterSample(input)
            guard isPassed(input, sample: value) else { continue }
            arguments.append("\(SwiftNaming.argumentLabel(input.parameter.name)): \(expression(value, type: input.parameter.type.unwrapped))")
            switch input.location {
            case .path?:
                let text = declarationOrdered(value, input.source.schema).pathText(
                    name: input.wireName, style: input.style.rawValue, explode: input.explode, encode: percentEncoded)
                path = path.replacing("{\(input.wireName)}", with: text ?? percentEncoded(value.scalarText ?? ""))
            case .header?:
                if let text = value.scalarText {
                    checks.append(.line("#expect(request.header(\(SwiftLiteral.string(input.wireName))) == \(SwiftLiteral.string(text)))"))
                }
            case .cookie?:
                if let text = value.scalarText {
                    checks.append(.line("#expect(request.header(\"Cookie\")?.contains(\(SwiftLiteral.string("\(input.wireName)=\(text)"))) == true)"))
                }
            default:
                if input.asJSON {
                    queryPairs.append((input.wireName, value.json))
                    rawQuery? += [percentEncoded(input.wireName) + "=" + percentEncoded(value.json)]
                } else if let pairs = declarationOrdered(value, input.source.schema).queryPairs(
                    name: input.wireName, style: input.style, explode: input.explode)
                {
                    queryPairs += pairs
                    rawQuery = plainQuery(input, value, pairs).flatMap { raw in rawQuery.map { $0 + raw } }
                }
            }
        }
        if let requestBody = signature.body {
            let (argument, bodyChecks) = bodySample(requestBody)
            arguments.insert(argument, at: signature.inputs.filter { $0.location == .path }.count)
            checks += bodyChecks
        }

        let reply = replySample(signature.response)
        body.append(.line("let reply = \(JSONText.rawLiteral(reply.text))"))
        let server =
            "try await withKilnTestServer(handler: { _ in TestResponse(status: \(reply.status), headers: [TestHeader(\"Content-Type\", \(SwiftLiteral.string(reply.contentType)))], body: Data(\(wireBody(signature.response.kind)).utf8)) }) { server in"
        let auth = staticAuth(for: signature.operation)
        let middlewares = auth.map { ", middlewares: [\($0.middleware)]" } ?? ""
        var inner: [Statement] = [
            .line("let client = \(clientName)(baseURL: ContractCheck.baseURL(server, path: \(SwiftLiteral.string(basePath)))\(middlewares))")
        ]
        let accessor = group.tag == nil ? "client" : "client.\(group.propertyName)"
        let call = "try await \(accessor).\(signature.name)(\(arguments.joined(separator: ", ")))"
        let hasResult = signature.response.kind != .empty
        inner.append(.line(hasResult ? "let result = \(call)" : call))
        inner += singleRequest
        inner.append(.line("#expect(request.method == \(SwiftLiteral.string(signature.method.token)))"))
        inner.append(.line("#expect(request.path == \(SwiftLiteral.string(basePath + path)))"))
        let pairs = queryPairs.map { "[\(SwiftLiteral.string($0.0)), \(SwiftLiteral.string($0.1))]" }.joined(separator: ", ")
        inner.append(.line("#expect(ContractCheck.queryPairs(request) == [\(pairs)])"))
        if let rawQuery {
            inner.append(.line("#expect(request.query == \(rawQuery.isEmpty ? "nil" : SwiftLiteral.string(rawQuery.joined(separator: "&"))))"))
        }
        inner += checks
        if let auth {
            inner.append(.line("#expect(request.header(\(SwiftLiteral.string(auth.header))) == \(auth.value.map(SwiftLiteral.string) ?? "nil"))"))
        }
        let kind = signature.response.kind
        if let accept = kind == .json ? "application/json" : kind == .events ? "text/event-stream" : signature.response.acceptedMediaTypes {
            inner.append(.line("#expect(request.header(\"Accept\") == \(SwiftLiteral.string(accept)))"))
        }
        switch signature.response.kind {
        case .json: inner += roundTripCheck(reply.value, schema: signature.response.successMedia?.schema)
        case .text: inner.append(.line("#expect(result == reply)"))
        case .data:
            inner.append(.line("#expect(result == Data(reply.utf8))"))
            // The overload that streams the same body to a file.
            inner += [
                .line("let file = FileManager.default.temporaryDirectory.appendingPathComponent(\"kiln-contract-\\(UUID().uuidString)\")"),
                .line("defer { try? FileManager.default.removeItem(at: file) }"),
                .line("#expect(try await \(accessor).\(signature.name)(\((arguments + ["to: file"]).joined(separator: ", "))) == file)"),
                .line("#expect(try Data(contentsOf: file) == Data(reply.utf8))"),
            ]
        case .empty: break
        case .events, .jsonLines, .jsonSequence: inner += streamCheck(signature.response, reply: reply.value)
        }
        body.append(.opened(server, inner, closing: "}"))

        let summary = "\(signature.method.token) \(signature.path)"
        return .function(
            FunctionDeclaration(
                info: DeclarationInfo(
                    attributes: ["@Test(\(SwiftLiteral.string(summary)))"] + (signature.deprecated ? ["@available(*, deprecated)"] : [])),
                name: name, parameters: [], isAsync: true, throwsClause: "throws", body: body))
    }

    /// The reply is one event or item (`reply` holds its data): the stream must yield exactly it.
    private func streamCheck(_ response: ResponseTranslator.Result, reply: SampleValue) -> [Statement] {
        let itemType = response.itemType ?? .json
        let element = response.kind == .events ? "item.data" : "item"
        var statements: [Statement] = [
            .line("var items: [\(itemType)] = []"),
            .line("for try await item in result { items.append(\(element)) }"),
            .line("try #require(items.count == 1)"),
        ]
        if itemType == .string {
            statements.append(.line("#expect(items == [reply])"))
        } else {
            statements += roundTripCheck(reply, schema: response.itemSchema, value: "items[0]")
        }
        return statements
    }

    /// The Swift expression of the reply's bytes on the wire: `reply` framed as the media type says.
    private func wireBody(_ kind: ResponseTranslator.Kind) -> String {
        switch kind {
        case .events: "(\"data: \" + reply + \"\\n\\n\")"
        case .jsonLines: "(reply + \"\\n\")"
        case .jsonSequence: "(\"\\u{1E}\" + reply + \"\\n\")"
        case .json, .data, .text, .empty: "reply"
        }
    }

    /// The one request a call makes: a retry or a duplicate is a bug the test must see, not skip over.
    var singleRequest: [Statement] {
        [.line("try #require(server.requests.count == 1)"), .line("let request = server.requests[0]")]
    }

    // MARK: - Samples

    /// An object sample with its fields in the schema's declaration order, the order the client sends.
    func declarationOrdered(_ value: SampleValue, _ schema: Schema?) -> SampleValue {
        guard case .object(let fields) = value, let schema = schema.flatMap(document.resolve) else { return value }
        let order = Array(translator.analysis.mergedObject(schema).properties.keys)
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return .object(fields.enumerated().sorted { lhs, rhs in
            (rank[lhs.element.0] ?? .max, lhs.offset) < (rank[rhs.element.0] ?? .max, rhs.offset)
        }.map(\.element))
    }

    func parameterSample(_ input: OperationTranslator.Input) -> SampleValue {
        let parameter = input.source
        if let example = parameter.example { return SampleValue(example) }
        if let example = parameter.examples.values.first.flatMap(document.resolve)?.value { return SampleValue(example) }
        if let schema = parameter.schema ?? parameter.content.first?.value.schema {
            let value = samples.sample(for: schema)
            // A free-form string in the path or query gets characters that must be percent-encoded, so the
            // raw path and query the server receives prove the client's encoding.
            if input.location == .path || input.location == .query, case .string("sample") = value,
                let resolved = document.resolve(schema), resolved.limits.pattern == nil, resolved.enumValues == nil
            {
                return .string(Self.reservedSample)
            }
            return value
        }
        return .string("sample")
    }

    /// A space, `&`, `+`, `/` and non-ASCII: each must arrive percent-encoded.
    static let reservedSample = "a b&c+d/é"

    private func bodySample(_ body: RequestBodyTranslator.Body) -> (argument: String, checks: [Statement]) {
        let (argument, checks) = bodyArgument(body)
        // What the server is told it receives; parameters (a multipart boundary) aside.
        let mediaType = body.contentType.prefix { $0 != ";" }.lowercased()
        return (argument, [.line("#expect(ContractCheck.mediaType(request) == \(SwiftLiteral.string(mediaType)))")] + checks)
    }

    func bodyArgument(_ body: RequestBodyTranslator.Body) -> (argument: String, checks: [Statement]) {
        let type = body.parameter.type.unwrapped
        switch body.encoding {
        case .json, .form:
            let value = exampleValue(body.media) ?? body.media.schema.map { samples.sample(for: $0) } ?? .object([])
            let argument = expression(value, type: type)
            if case .json = body.encoding {
                let sent = reencoded(value, as: body.media.schema, .request)
                return (argument, [.line("#expect(ContractCheck.jsonDifference(request.body, \(JSONText.rawLiteral(sent.json))) == nil)")])
            }
            var pairs: [(String, String)] = []
            if case .object(let fields) = declarationOrdered(value, body.media.schema) {
                for (name, field) in fields {
                    if case .array(let items) = field {
                        let texts = items.compactMap(\.scalarText)
                        if let delimiter = body.media.encoding[name]?.formJoiningSeparator {
                            pairs.append((name, texts.joined(separator: delimiter)))
                        } else {
                            pairs += texts.map { (name, $0) }
                        }
                    } else if let text = field.scalarText, field != .null {
                        pairs.append((name, text))
                    }
                }
            }
            let list = pairs.map { "[\(SwiftLiteral.string($0.0)), \(SwiftLiteral.string($0.1))]" }.joined(separator: ", ")
            return (argument, [.line("#expect(ContractCheck.formPairs(request.body) == [\(list)])")])
        case .multipart(let fields):
            // Every field, optional ones too, so each kind of part (file, text, JSON) is checked.
            let properties = body.media.schema.flatMap(document.resolve).map { translator.analysis.mergedObject($0).properties }
            let value = SampleValue.object(
                (properties ?? OrderedMap()).compactMap { name, property in property.readOnly ? nil : (name, samples.sample(for: property)) })
            return (expression(value, type: type), [multipartCheck(value, fields: fields, schema: body.media.schema)])
        case .text:
            return ("\"sample text\"", [.line("#expect(request.bodyText == \"sample text\")")])
        case .binary:
            return (".data(Data(\"sample bytes\".utf8))", [.line("#expect(request.body == Data(\"sample bytes\".utf8))")])
        }
    }

    func exampleValue(_ media: MediaType) -> SampleValue? {
        if let example = media.example { return SampleValue(example) }
        if let example = media.examples.values.first.flatMap(document.resolve)?.value { return SampleValue(example) }
        return nil
    }

    func replySample(_ response: ResponseTranslator.Result) -> (text: String, status: String, contentType: String, value: SampleValue) {
        let status = Int(response.successCode).map(String.init) ?? "200"
        switch response.kind {
        case .json:
            let media = response.successMedia
            let value = media.flatMap(exampleValue) ?? media?.schema.map { samples.sample(for: $0) } ?? .object([])
            return (value.json, status, "application/json", value)
        case .text: return ("sample reply", status, "text/plain", .null)
        case .data: return ("sample bytes", status, "application/octet-stream", .null)
        case .empty: return ("", status == "200" ? "204" : status, "text/plain", .null)
        case .events, .jsonLines, .jsonSequence:
            let contentType = response.kind == .events ? "text/event-stream" : response.acceptedMediaTypes.map { types in types.firstRange(of: ", ").map { String(types[..<$0.lowerBound]) } ?? types } ?? "application/jsonl"
            if response.itemType == .string { return ("sample event", status, contentType, .string("sample event")) }
            let value = response.itemSchema.map { samples.sample(for: $0) } ?? .object([])
            return (value.json, status, contentType, value)
        }
    }

    /// The decoded reply must re-encode to the reply, with lenient numbers as the numbers they decode to.
    func roundTripCheck(_ reply: SampleValue, schema: Schema?, value: String = "result") -> [Statement] {
        let expected = reencoded(reply, as: schema, .response)
        guard expected != reply else { return [.line("#expect(try ContractCheck.roundTripDifference(\(value), reply) == nil)")] }
        return [
            .line("// x-kiln-lenient-number fields decode numeric strings and re-encode them as numbers."),
            .line("#expect(try ContractCheck.roundTripDifference(\(value), \(JSONText.rawLiteral(expected.json))) == nil)"),
        ]
    }

    /// Swift for a value of `type`: a literal for plain types, else the example decoded into the model.
    func expression(_ value: SampleValue, type: SwiftType) -> String {
        switch (type, value) {
        case (.named("String"), .string(let text)): return SwiftLiteral.string(text)
        case (.named("Bool"), .bool(let flag)): return flag ? "true" : "false"
        case (.named(let name), .number(let text)) where ["Int", "Int32", "Int64", "Double", "Float"].contains(name):
            return text.contains(".") && name.hasPrefix("Int") ? "0" : text
        default:
            return "try ContractCheck.sample(\(type).self, \(JSONText.rawLiteral(value.json)))"
        }
    }

    /// Whether a test passes `input` its sample: optional structured inputs are left out, except deepObject
    /// queries whose sample the style can express (nested values have no deepObject form): their encoding
    /// is the point.
    func isPassed(_ input: OperationTranslator.Input, sample value: SampleValue) -> Bool {
        let expressibleDeepObject = input.style == .deepObject
            && declarationOrdered(value, input.source.schema).queryPairs(name: input.wireName, style: .deepObject, explode: true) != nil
        return !input.parameter.type.isOptional || isSimple(input.parameter.type.unwrapped) || expressibleDeepObject
    }

    func isSimple(_ type: SwiftType) -> Bool {
        if case .named(let name) = type { return !translator.structTypes.contains(name) && name != "JSONValue" }
        if case .array(let element) = type { return isSimple(element) }
        return false
    }

    /// The raw pairs of one query parameter when each is `name=value` percent-encoded as a whole (a
    /// scalar, an exploded array, a deepObject's `name%5Bkey%5D`); nil for joined values and allowReserved.
    private func plainQuery(_ input: OperationTranslator.Input, _ value: SampleValue, _ pairs: [(String, String)]) -> [String]? {
        guard !input.allowReserved else { return nil }
        switch value {
        case .array where !(input.explode && input.style == .form): return nil
        case .object where input.style == .deepObject:
            return pairs.map { name, value in
                let key = name.dropFirst(input.wireName.count + 1).dropLast()
                return percentEncoded(input.wireName) + "%5B" + percentEncoded(String(key)) + "%5D=" + percentEncoded(value)
            }
        case .object where !input.explode: return nil
        default: return pairs.map { percentEncoded($0.0) + "=" + percentEncoded($0.1) }
        }
    }

    private func percentEncoded(_ text: String) -> String {
        text.percentEncodedUnreserved
    }

}
