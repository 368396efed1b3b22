/// Test doubles for downstream apps: a protocol per client and per group that the real client conforms
/// to, and a mock whose every operation has a settable handler and records its calls, so an app's own
/// tests need no server.
struct MockTranslator {
    let clientName: String
    let groups: [ClientTranslator.Group]
    let access: AccessLevel

    /// `IServClient` -> `IServ`: what protocol names start with.
    private var baseName: String {
        clientName.hasSuffix("Client") ? String(clientName.dropLast("Client".count)) : clientName
    }

    /// `IServClient` -> `IServAPI`, the protocol's name; `ActionAPIClient` -> `ActionAPIProtocol`, not `ActionAPIAPI`.
    var protocolName: String {
        baseName + (baseName.hasSuffix("API") ? "Protocol" : "API")
    }

    var mockName: String { clientName + "Mock" }

    /// What the protocol requires and the mock stubs: an operation's plain method, or an action method.
    struct Method {
        var name: String
        var operationID: String
        var parameters: [Parameter]
        var returnType: SwiftType?
        var deprecated: Bool
        /// How the mock answers: through a handler of its own, or through the plain method's `Data` handler.
        var delivery: Delivery = .ownHandler

        enum Delivery {
            case ownHandler
            /// The `to:` overload of a binary operation: the handler's bytes written to the parameter's file.
            case writtenToFile(plainName: String, destination: String)
            /// The chunk sequence of a binary operation: the handler's bytes as chunks.
            case chunks(plainName: String)
        }

        init(_ signature: OperationTranslator.Signature) {
            self.init(
                name: signature.name, operationID: signature.operationID, parameters: signature.parameters,
                returnType: signature.returnType, deprecated: signature.deprecated)
        }

        init(name: String, operationID: String, parameters: [Parameter], returnType: SwiftType?, deprecated: Bool) {
            self.name = name
            self.operationID = operationID
            self.parameters = parameters
            self.returnType = returnType
            self.deprecated = deprecated
        }

        /// The plain method, and for a binary body its `to:` overload and chunk sequence, which share its handler.
        static func all(_ signature: OperationTranslator.Signature) -> [Method] {
            let plain = Method(signature)
            guard let names = signature.binaryNames else { return [plain] }
            var toFile = plain
            toFile.parameters.append(Parameter(label: "to", name: names.destination, type: .named("URL")))
            toFile.returnType = .named("URL")
            toFile.delivery = .writtenToFile(plainName: signature.name, destination: names.destination)
            var chunks = plain
            chunks.name = names.chunks
            chunks.returnType = .named("ResponseBody")
            chunks.delivery = .chunks(plainName: signature.name)
            return [plain, toFile, chunks]
        }
    }

    private func methods(_ group: ClientTranslator.Group?) -> [Method] {
        guard let group else { return [] }
        return group.signatures.flatMap(Method.all) + group.extraMethods
    }

    func translate() -> [Declaration] {
        let tagged = groups.filter { $0.tag != nil }
        let root = groups.first { $0.tag == nil }
        var declarations: [Declaration] = [.type(clientProtocol(tagged, root))]
        declarations += defaultArguments(protocolName, methods(root))
        for group in tagged {
            declarations.append(.type(groupProtocol(group)))
            declarations += defaultArguments(groupProtocolName(group), methods(group))
        }
        declarations.append(conformance(clientName, protocolName))
        for group in tagged {
            declarations.append(conformance("\(clientName).\(group.typeName)", groupProtocolName(group)))
        }
        declarations.append(.type(mock(tagged, root)))
        return declarations
    }

    /// The protocol a group's type conforms to (the client's own for untagged operations).
    func protocolName(for group: ClientTranslator.Group) -> String {
        group.tag == nil ? protocolName : groupProtocolName(group)
    }

    private func groupProtocolName(_ group: ClientTranslator.Group) -> String {
        baseName + group.typeName + "API"
    }

    private func clientProtocol(_ tagged: [ClientTranslator.Group], _ root: ClientTranslator.Group?) -> TypeDeclaration {
        var members: [Declaration] = tagged.map {
            .associatedType(name: "\($0.typeName)Operations", constraint: groupProtocolName($0))
        }
        members += tagged.map { group in
            .variable(
                VariableDeclaration(
                    info: DeclarationInfo(), isLet: false, name: group.propertyName,
                    type: .named("\(group.typeName)Operations"), requirement: "{ get }"))
        }
        members += methods(root).map(requirement)
        return TypeDeclaration(
            info: DeclarationInfo(
                documentation: ["What ``\(clientName)`` offers, for code that takes the real client or ``\(mockName)``."],
                access: access),
            kind: .protocol, name: protocolName, conformances: ["Sendable"], members: members)
    }

    private func groupProtocol(_ group: ClientTranslator.Group) -> TypeDeclaration {
        TypeDeclaration(
            info: DeclarationInfo(documentation: ["The operations tagged `\(group.tag ?? "")`."], access: access),
            kind: .protocol, name: groupProtocolName(group), conformances: ["Sendable"],
            members: methods(group).map(requirement))
    }

    private func requirement(_ signature: Method) -> Declaration {
        .function(
            FunctionDeclaration(
                info: DeclarationInfo(attributes: signature.deprecated ? ["@available(*, deprecated)"] : []),
                name: signature.name,
                parameters: signature.parameters.map { parameter in
                    var parameter = parameter
                    parameter.defaultValue = nil
                    return parameter
                },
                isAsync: true, throwsClause: "throws", returnType: signature.returnType, body: nil))
    }

    /// Protocol requirements cannot have default arguments, so code written against the protocol
    /// (`api.groups.list()`) calls these forwarders, which dispatch to the conforming type's method
    /// (through `self.`, as a parameter may share the method's name: `search(search:)`).
    private func defaultArguments(_ protocolName: String, _ methods: [Method]) -> [Declaration] {
        let forwarders: [Declaration] = methods.filter { $0.parameters.contains { $0.defaultValue != nil } }.map { method in
            let arguments = method.parameters.map(\.forwarded).joined(separator: ", ")
            return .function(
                FunctionDeclaration(
                    info: DeclarationInfo(access: access, attributes: method.deprecated ? ["@available(*, deprecated)"] : []),
                    name: method.name, parameters: method.parameters, isAsync: true, throwsClause: "throws",
                    returnType: method.returnType, body: [.line("try await self.\(SwiftNaming.unescaped(method.name))(\(arguments))")]))
        }
        guard !forwarders.isEmpty else { return [] }
        return [
            .extension(
                ExtensionDeclaration(
                    info: DeclarationInfo(), extendedType: protocolName, conformances: [], whereClause: nil,
                    members: forwarders))
        ]
    }

    private func conformance(_ type: String, _ protocolName: String) -> Declaration {
        .extension(
            ExtensionDeclaration(
                info: DeclarationInfo(), extendedType: type, conformances: [protocolName], whereClause: nil, members: []))
    }

    private func mock(_ tagged: [ClientTranslator.Group], _ root: ClientTranslator.Group?) -> TypeDeclaration {
        var members: [Declaration] = []
        for group in tagged {
            members.append(
                .variable(
                    VariableDeclaration(
                        info: DeclarationInfo(access: access), isLet: true, name: group.propertyName,
                        type: .named(group.typeName), initialValue: "\(group.typeName)()")))
        }
        members.append(
            .initializer(InitializerDeclaration(info: DeclarationInfo(access: access), parameters: [], body: [])))
        members += methods(root).flatMap(stub)
        for group in tagged {
            members.append(
                .type(
                    TypeDeclaration(
                        info: DeclarationInfo(documentation: ["Stubs for the operations tagged `\(group.tag ?? "")`."], access: access),
                        kind: .finalClass, name: group.typeName,
                        conformances: [groupProtocolName(group), "Sendable"],
                        members: [.initializer(InitializerDeclaration(info: DeclarationInfo(access: access), parameters: [], body: []))]
                            + methods(group).flatMap(stub))))
        }
        return TypeDeclaration(
            info: DeclarationInfo(
                documentation: [
                    "A stand-in for ``\(clientName)`` in tests: give each operation you expect a handler",
                    "(`mock.groups.listStub.handler = { _ in [] }`); every call is recorded in `calls`, and",
                    "an operation without a handler throws ``MockError``.",
                ],
                access: access),
            kind: .finalClass, name: mockName, conformances: [protocolName, "Sendable"], members: members)
    }

    /// `let listStub = MockOperation<(a: A, b: B), R>(...)` and the method that goes through it; a binary
    /// operation's `to:` overload and chunk sequence go through the plain method's stub.
    private func stub(_ signature: Method) -> [Declaration] {
        var stubOwner = signature.name
        var arguments = signature.parameters
        switch signature.delivery {
        case .ownHandler: break
        case .writtenToFile(let plainName, let destination):
            stubOwner = plainName
            arguments.removeAll { $0.name == destination }
        case .chunks(let plainName):
            stubOwner = plainName
        }
        let stubName = SwiftNaming.unescaped(stubOwner) + "Stub"
        let argumentsType: String
        let call: String
        switch arguments.count {
        case 0:
            argumentsType = "Void"
            call = "()"
        case 1:
            argumentsType = "\(arguments[0].type)"
            call = arguments[0].name
        default:
            argumentsType = "(" + arguments.map { "\(SwiftNaming.argumentLabel($0.name)): \($0.type)" }.joined(separator: ", ") + ")"
            call = "(" + arguments.map { "\(SwiftNaming.argumentLabel($0.name)): \($0.name)" }.joined(separator: ", ") + ")"
        }
        let deprecation = signature.deprecated ? ["@available(*, deprecated)"] : []
        let body: String
        switch signature.delivery {
        case .ownHandler: body = "try await \(stubName).call(\(call))"
        case .writtenToFile(_, let destination): body = "try await \(stubName).call(\(call), writingTo: \(destination))"
        case .chunks: body = "try await \(stubName).chunks(\(call))"
        }
        let method = Declaration.function(
            FunctionDeclaration(
                info: DeclarationInfo(access: access, attributes: deprecation), name: signature.name,
                parameters: signature.parameters, isAsync: true, throwsClause: "throws",
                returnType: signature.returnType, body: [.line(body)]))
        guard case .ownHandler = signature.delivery else { return [method] }
        let result = signature.returnType ?? .void
        let bare = SwiftNaming.unescaped(signature.name)
        return [
            .variable(
                VariableDeclaration(
                    info: DeclarationInfo(documentation: ["Handler and recorded calls of ``\(bare)``."], access: access),
                    isLet: true, name: stubName, type: .named("MockOperation<\(argumentsType), \(result)>"),
                    initialValue: "MockOperation(\(SwiftLiteral.string(signature.operationID)))")),
            method,
        ]
    }

}
