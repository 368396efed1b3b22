/// The names `--mode server` declares beside the client module's types: `IServHandler` (the protocol),
/// `IServOperations` (per-operation inputs and outputs), `IServServer` (the router) and `IServStubHandler`, from the client's
/// name without `Client`. A name a model already has gets a suffix, so nothing shadows a model.
struct ServerNames {
    let handler: String
    let operations: String
    let server: String
    let stubHandler: String
    /// The nested `Input` and `Output` of each operation, unless a model has that name (it would be shadowed).
    let input: String
    let output: String

    init(clientName: String, models: ModelTranslator) {
        let base = clientName.hasSuffix("Client") && clientName != "Client" ? String(clientName.dropLast("Client".count)) : clientName
        func unique(_ name: String) -> String {
            var name = name
            while models.topLevelScope.contains(name) { name += "_" }
            return name
        }
        handler = unique(base + "Handler")
        operations = unique(base + "Operations")
        server = unique(base + "Server")
        stubHandler = unique(base + "StubHandler")
        input = models.topLevelScope.contains("Input") ? "OperationInput" : "Input"
        output = models.topLevelScope.contains("Output") ? "OperationOutput" : "Output"
    }

    /// A documented status's case in an operation's `Output`: `ok`, `notFound`, `status418`; ranges and
    /// `default` carry the status (`clientError`, `status`).
    static func responseCase(_ code: String) -> (name: String, carriesStatus: Bool) {
        if code == "default" { return ("status", true) }
        if code.count == 3, code.hasSuffix("XX"), let digit = code.first {
            let names: [Character: String] = ["1": "informational", "2": "success", "3": "redirection", "4": "clientError", "5": "serverError"]
            return (names[digit] ?? "status\(digit)XX", true)
        }
        let names = [
            "200": "ok", "201": "created", "202": "accepted", "203": "nonAuthoritativeInformation", "204": "noContent",
            "205": "resetContent", "206": "partialContent", "301": "movedPermanently", "302": "found", "303": "seeOther",
            "304": "notModified", "307": "temporaryRedirect", "308": "permanentRedirect", "400": "badRequest",
            "401": "unauthorized", "402": "paymentRequired", "403": "forbidden", "404": "notFound", "405": "methodNotAllowed",
            "406": "notAcceptable", "408": "requestTimeout", "409": "conflict", "410": "gone", "411": "lengthRequired",
            "412": "preconditionFailed", "413": "contentTooLarge", "415": "unsupportedMediaType", "422": "unprocessableContent",
            "423": "locked", "428": "preconditionRequired", "429": "tooManyRequests", "500": "internalServerError",
            "501": "notImplemented", "502": "badGateway", "503": "serviceUnavailable", "504": "gatewayTimeout",
        ]
        return (names[code] ?? "status\(code)", false)
    }
}
