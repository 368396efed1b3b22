import KilnOpenAPI

/// The documented headers a round trip's handler answers with: the typed `headers:` argument of its output
/// case, and the checks that the client's raw response carried each as the client encodes header parameters.
struct RoundTripHeaders {
    /// `headers: .init(...)`, for the output case.
    var argument: String
    /// `#expect(response.headers["X-Count"] == "3")`, one per header sent.
    var checks: [Statement]

    /// Nil when the success response documents no headers (the test then calls the plain method).
    init?(_ response: ResponseTranslator.Result, contract: ContractTestTranslator, models: ModelTranslator, responseName: String) {
        let (caseName, _) = ServerNames.responseCase(response.successCode)
        guard let success = response.documented.first(where: { $0.code == response.successCode }),
            let typed = ServerResponseHeaders(caseName: caseName, headers: success.headers, models: models)
        else { return nil }
        var arguments: [String] = []
        var checks: [Statement] = []
        for (header, name) in typed.properties {
            let type = header.type.unwrapped
            var value = Self.sample(header, contract: contract)
            // A header no style can express is typed as its text.
            if type == .string, value.scalarText == nil { value = .string(value.json) }
            // Optional structured headers are left out, as the tests leave out such parameters.
            guard !header.type.isOptional || contract.isSimple(type) else { continue }
            let expression = contract.expression(value, type: type)
            arguments.append("\(SwiftNaming.argumentLabel(name)): \(expression)")
            let received = "\(responseName).headers[\(SwiftLiteral.string(header.wireName))]"
            if ["String", "Bool", "Int", "Int32", "Int64"].contains("\(type)"), let text = value.scalarText {
                checks.append(.line("#expect(\(received) == \(SwiftLiteral.string(text)))"))
            } else {
                // Dates, doubles, enums and lists: the text the client's header encoder makes of the same value.
                // `try` may not stand right of `==`: it goes first and covers the comparison.
                let bare = expression.hasPrefix("try ") ? String(expression.dropFirst(4)) : expression
                let explode = header.explode ? ", explode: true" : ""
                let marker = bare == expression ? "" : "try "
                checks.append(.line("#expect(\(marker)\(received) == HeaderEncoder.encode((\(bare)).parameterValue\(explode)))"))
            }
        }
        argument = "headers: .init(\(arguments.joined(separator: ", ")))"
        self.checks = checks
    }

    /// The header's example, else a sample of its schema.
    private static func sample(_ header: ResponseHeader, contract: ContractTestTranslator) -> SampleValue {
        let source = header.source
        if let example = source.example { return SampleValue(example) }
        if let example = source.examples.values.first.flatMap(contract.document.resolve)?.value { return SampleValue(example) }
        return (source.schema ?? source.content.first?.value.schema).map { contract.samples.sample(for: $0) } ?? .string("sample")
    }
}
