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
    }

    private func methods(_ group: ClientTranslator.Group?) -> [Method] {
        guard let group else { return [] }
        return group.signatures.map(Method.init) + group.extraMethods
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
            let arguments = method.parameters.map { parameter in
                parameter.label == "_" ? parameter.name : "\(SwiftNaming.argumentLabel(parameter.name)): \(parameter.name)"
            }.joined(separator: ", ")
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

    /// `let listStub = MockOperation<(a: A, b: B), R>(...)` and the method that goes through it.
    private func stub(_ signature: Method) -> [Declaration] {
        let bare = signature.name.hasPrefix("`") ? String(signature.name.dropFirst().dropLast()) : signature.name
        let stubName = bare + "Stub"
        let arguments: String
        let call: String
        switch signature.parameters.count {
        case 0:
            arguments = "Void"
            call = "()"
        case 1:
            arguments = "\(signature.parameters[0].type)"
            call = signature.parameters[0].name
        default:
            arguments = "(" + signature.parameters.map { "\(SwiftNaming.argumentLabel($0.name)): \($0.type)" }.joined(separator: ", ") + ")"
            call = "(" + signature.parameters.map { "\(SwiftNaming.argumentLabel($0.name)): \($0.name)" }.joined(separator: ", ") + ")"
        }
        let result = signature.returnType ?? .void
        let deprecation = signature.deprecated ? ["@available(*, deprecated)"] : []
        return [
            .variable(
                VariableDeclaration(
                    info: DeclarationInfo(documentation: ["Handler and recorded calls of ``\(bare)``."], access: access),
                    isLet: true, name: stubName, type: .named("MockOperation<\(arguments), \(result)>"),
                    initialValue: "MockOperation(\(SwiftLiteral.string(signature.operationID)))")),
            .function(
                FunctionDeclaration(
                    info: DeclarationInfo(access: access, attributes: deprecation), name: signature.name,
                    parameters: signature.parameters, isAsync: true, throwsClause: "throws",
                    returnType: signature.returnType,
                    body: [.line("try await \(stubName).call(\(call))")])),
        ]
    }

}
