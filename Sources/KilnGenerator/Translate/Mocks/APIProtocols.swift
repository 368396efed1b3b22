/// The protocols the real client and the mock share, with the client's conformances.
extension MockTranslator {
    func protocols() -> [Declaration] {
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
        return declarations
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
                documentation: ["What ``\(clientName)`` offers, for code that takes the real client or `\(mockName)` (`--mode mocks`)."],
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
}
