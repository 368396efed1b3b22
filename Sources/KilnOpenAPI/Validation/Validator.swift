import KilnDiagnostics

/// Checks what parsing alone cannot: relations across the document. Runs on a resolved document.
struct Validator {
    let document: OpenAPIDocument
    let diagnostics: DiagnosticCollector

    func run() {
        checkOperationIds()
        checkPaths()
        checkServers(document.servers)
        checkSecurity()
        checkReferenceCycles()
    }

    /// Every operation of the document with the path item it belongs to.
    private var operations: [(path: String, item: PathItem, method: HTTPMethodName, operation: Operation)] {
        document.paths.flatMap { path, item in
            item.operations.map { (path, item, $0.method, $0.operation) }
        }
    }

    private func checkOperationIds() {
        var seen: [String: (path: String, method: HTTPMethodName)] = [:]
        for (path, _, method, operation) in operations {
            guard let id = operation.operationId else { continue }
            let location = operation.operationIdLocation ?? operation.location
            if let first = seen[id] {
                diagnostics.error(
                    "duplicate operationId '\(id)'; it is already used by \(first.method.token) \(first.path)",
                    at: location)
            } else {
                seen[id] = (path, method)
            }
        }
    }

    private func checkPaths() {
        var templates: [String: String] = [:]
        for (path, item) in document.paths {
            guard let names = PathTemplate.parameterNames(path) else {
                diagnostics.error("path '\(path)' has an unbalanced '{' or '}'", at: item.keyLocation ?? item.location)
                continue
            }
            var seenNames = Set<String>()
            for name in names where !seenNames.insert(name).inserted {
                // OpenAPI wants unique names; a client can still send one value in both places.
                diagnostics.warning(
                    "path '\(path)' uses '{\(name)}' more than once; Kiln sends the parameter's value in each place",
                    at: item.keyLocation ?? item.location)
            }
            let shape = PathTemplate.shape(path)
            if let other = templates[shape] {
                diagnostics.warning(
                    "path '\(path)' is the same as '\(other)' apart from parameter names; OpenAPI forbids that, "
                        + "and a server cannot tell them apart; Kiln generates both",
                    at: item.keyLocation ?? item.location)
            } else {
                templates[shape] = path
            }
            if let servers = item.servers { checkServers(servers) }
            checkDuplicates(item.parameters, of: "all operations of \(path)")
            for (method, operation) in item.operations {
                checkParameters(of: operation, method: method, in: item, path: path, templateNames: names)
                checkBodies(of: operation)
                if let servers = operation.servers { checkServers(servers) }
            }
        }
    }

    private func checkParameters(
        of operation: Operation, method: HTTPMethodName, in item: PathItem, path: String, templateNames: [String]
    ) {
        var declared: [String: Parameter] = [:]
        // Operation-level parameters override path-level ones with the same name and location.
        for reference in item.parameters + operation.parameters {
            guard let parameter = document.resolve(reference) else { continue }
            if parameter.location == .path { declared[parameter.name] = parameter }
            if parameter.schema == nil, let (name, media) = parameter.content.first, media.schema == nil {
                diagnostics.error(
                    "parameter '\(parameter.name)' has content '\(name)' without a schema", at: media.location)
            }
        }
        let operationName = "\(method.token) \(path)"
        checkDuplicates(operation.parameters, of: operationName)
        // Both leave a client to generate: the generator fills in or leaves out what is missing.
        for name in templateNames where declared[name] == nil {
            diagnostics.warning(
                "path parameter '{\(name)}' of \(operationName) is not declared; Kiln adds it as a required "
                    + "string parameter",
                at: operation.location)
        }
        for (name, parameter) in declared where !templateNames.contains(name) {
            diagnostics.warning(
                "parameter '\(name)' is declared 'in: path', but '\(path)' has no '{\(name)}'; Kiln leaves it out",
                at: parameter.sourceLocation)
        }
    }

    /// A parameter is identified by name and location; HTTP header names ignore case, so `X-Id` and
    /// `x-id` are one header sent twice.
    private func checkDuplicates(_ references: [Referenceable<Parameter>], of owner: String) {
        var seen: [String: String] = [:]
        for reference in references {
            guard let parameter = document.resolve(reference) else { continue }
            let name = parameter.location == .header ? parameter.name.lowercased() : parameter.name
            let key = "\(parameter.location.rawValue):\(name)"
            guard let first = seen[key] else {
                seen[key] = parameter.name
                continue
            }
            let spelling = first == parameter.name ? "" : " (as '\(first)'; header names ignore case)"
            diagnostics.warning(
                "parameter '\(parameter.name)' in \(parameter.location.rawValue) is declared twice\(spelling) for \(owner); "
                    + "Kiln uses the last declaration",
                at: reference.reference?.location ?? parameter.sourceLocation)
        }
    }

    private func checkBodies(of operation: Operation) {
        if let body = operation.requestBody.flatMap(document.resolve) {
            checkContent(body.content, what: "request body")
        }
        for (_, response) in operation.responses {
            if let response = document.resolve(response) { checkContent(response.content, what: "response") }
        }
    }

    /// JSON without a schema can only be passed through untyped; say so, as the author likely forgot it.
    private func checkContent(_ content: OrderedMap<MediaType>, what: String) {
        for (name, media) in content where media.schema == nil && MediaTypeName.isJSON(name) {
            diagnostics.warning(
                "\(what) content '\(name)' has no schema; Kiln treats it as untyped JSON", at: media.location)
        }
    }

    private func checkServers(_ servers: [Server]) {
        for server in servers {
            guard let names = PathTemplate.parameterNames(server.url) else {
                diagnostics.error("server URL '\(server.url)' has an unbalanced '{' or '}'", at: server.location)
                continue
            }
            for name in names where server.variables[name] == nil {
                diagnostics.error(
                    "server URL '\(server.url)' uses '{\(name)}', but 'variables' does not define it",
                    at: server.location)
            }
            for (name, variable) in server.variables {
                if let values = variable.enumValues, !values.contains(variable.defaultValue) {
                    diagnostics.warning(
                        "the default '\(variable.defaultValue)' of server variable '\(name)' is not one of its enum values; "
                            + "Kiln uses it as the default anyway",
                        at: variable.location)
                }
            }
        }
    }

    private func checkSecurity() {
        let requirements = (document.security ?? []) + operations.flatMap { $0.operation.security ?? [] }
        for requirement in requirements {
            for name in requirement.schemes.keys where document.components.securitySchemes[name] == nil {
                diagnostics.warning(
                    "security requirement names '\(name)', but components.securitySchemes does not define it; "
                        + "Kiln sends no credentials for it",
                    at: requirement.location)
            }
        }
    }
}
