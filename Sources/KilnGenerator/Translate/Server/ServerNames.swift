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

    /// One operation's enum in the namespace and its handler method. An `x-kiln-actions` operation whose
    /// body is a discriminated `oneOf` has `actions`: the server declares their methods, not its own.
    struct Operation {
        var signature: OperationTranslator.Signature
        var typeName: String
        var methodName: String
        var actions: [Action]
    }

    /// An action's enum in the namespace (`List`) and its handler method, named like the client's (`list`).
    struct Action {
        var call: ActionTranslator.Call
        var typeName: String
        var methodName: String
    }

    /// Every operation in the spec's order: what the server declares and what round-trip tests call.
    static func operations(_ groups: [ClientTranslator.Group], models: ModelTranslator) -> [Operation] {
        var methodScope = NameScope(reserved: ["init", "deinit"])
        var typeScope = NameScope(reserved: ["Input", "Output", "OperationInput", "OperationOutput"])
        // A model of the same name would be shadowed inside the namespace.
        func typeName(_ preferred: String) -> String {
            typeScope.claim(models.topLevelScope.contains(preferred) ? preferred + "Operation" : preferred)
        }
        return groups.flatMap { group in group.signatures.map { (group, $0) } }.map { group, signature in
            var operation = Operation(
                signature: signature, typeName: typeName(SwiftNaming.typeName(signature.operationID)),
                methodName: methodScope.claim(SwiftNaming.memberName(signature.operationID)), actions: [])
            guard ServerActionTranslator.dispatchedCases(signature, models: models) != nil else { return operation }
            operation.actions = group.actionCalls.filter { $0.operation.operationID == signature.operationID }.map { _, call in
                Action(call: call, typeName: typeName(SwiftNaming.typeName(SwiftNaming.unescaped(call.name))), methodName: methodScope.claim(call.name))
            }
            return operation
        }
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
