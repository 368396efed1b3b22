/// `Mock.swift` (`--mode mocks`): the mock client, one final class per group, each operation a `MockOperation`.
extension MockTranslator {
    func mocks() -> [Declaration] {
        [.type(mock(groups.filter { $0.tag != nil }, groups.first { $0.tag == nil }))]
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
        case .assembledBody(let plainName, let plainParameters, _, _):
            stubOwner = plainName
            arguments = plainParameters
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
        let body: [Statement]
        switch signature.delivery {
        case .ownHandler: body = [.line("try await \(stubName).call(\(call))")]
        case .writtenToFile(_, let destination): body = [.line("try await \(stubName).call(\(call), writingTo: \(destination))")]
        case .chunks: body = [.line("try await \(stubName).chunks(\(call))")]
        case .assembledBody(_, _, let bodyName, let construction):
            body = [.line("let \(bodyName) = \(construction)"), .line("return try await \(stubName).call(\(call))")]
        }
        let method = Declaration.function(
            FunctionDeclaration(
                info: DeclarationInfo(access: access, attributes: deprecation), name: signature.name,
                parameters: signature.parameters, isAsync: true, throwsClause: "throws",
                returnType: signature.returnType, body: body))
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
