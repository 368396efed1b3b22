/// Test doubles for downstream apps: a protocol per client and per group that the real client conforms
/// to (in the client's module), and a mock whose every operation has a settable handler and
/// records its calls (`--mode mocks`, a module of its own that only tests link), so an app's tests need
/// no server. This file holds the names and methods both share.
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
            /// The multipart overload taking the form's fields: the body built from them (file parts read
            /// into memory) and handed to the plain method's handler, as the plain method's arguments.
            case assembledBody(plainName: String, plainParameters: [Parameter], bodyName: String, construction: String)
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

        /// The plain method, for a binary body its `to:` overload and chunk sequence, and for a multipart body
        /// with files its overload taking the fields, all sharing the plain method's handler.
        static func all(_ signature: OperationTranslator.Signature) -> [Method] {
            let plain = Method(signature)
            var upload: [Method] = []
            if let overload = signature.multipartUpload, let construction = overload.bodyConstruction {
                var method = plain
                method.parameters = overload.parameters
                method.delivery = .assembledBody(
                    plainName: signature.name, plainParameters: signature.parameters, bodyName: overload.bodyName,
                    construction: construction)
                upload = [method]
            }
            guard let names = signature.binaryNames else { return [plain] + upload }
            var toFile = plain
            toFile.parameters.append(Parameter(label: "to", name: names.destination, type: .named("URL")))
            toFile.returnType = .named("URL")
            toFile.delivery = .writtenToFile(plainName: signature.name, destination: names.destination)
            var chunks = plain
            chunks.name = names.chunks
            chunks.returnType = .named("ResponseBody")
            chunks.delivery = .chunks(plainName: signature.name)
            return [plain, toFile, chunks] + upload
        }
    }

    func methods(_ group: ClientTranslator.Group?) -> [Method] {
        guard let group else { return [] }
        return group.signatures.flatMap(Method.all) + group.extraMethods
    }

    /// The protocol a group's type conforms to (the client's own for untagged operations).
    func protocolName(for group: ClientTranslator.Group) -> String {
        group.tag == nil ? protocolName : groupProtocolName(group)
    }

    func groupProtocolName(_ group: ClientTranslator.Group) -> String {
        baseName + group.typeName + "API"
    }
}
