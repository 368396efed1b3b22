import Foundation
@testable import KilnGenerator
import Testing

@Suite struct SwiftNamingTests {
    @Test(arguments: [
        ("first_name", "firstName"), ("@odata.type", "odataType"), ("2fa", "_2fa"), ("Org.Title", "orgTitle"),
        ("x-kind", "xKind"), ("Größe", "groesse"), ("URL", "url"), ("URLPath", "urlPath"), ("IDs", "ids"),
        ("default", "`default`"), ("self", "self_"), ("Type", "type"), ("BIG_ELEPHANT_1", "bigElephant1"),
        ("FriendlyName", "friendlyName"), ("api_v2010", "apiV2010"), ("kebab-case-name", "kebabCaseName"),
        ("", "value"), ("__proto__", "proto"), ("user.id", "userId"), ("HTTPServer", "httpServer"),
    ])
    func memberNames(_ wire: String, _ expected: String) {
        #expect(SwiftNaming.memberName(wire) == expected)
    }

    @Test(arguments: [
        ("group", "Group"), ("user_segment", "UserSegment"), ("Error", "ErrorModel"), ("Data", "DataModel"),
        ("2fa_method", "_2faMethod"), ("conversation_enum_state", "ConversationEnumState"), ("Äpfel", "Aepfel"),
        ("Protocol", "ProtocolModel"), ("pets", "Pets"),
    ])
    func typeNames(_ wire: String, _ expected: String) {
        #expect(SwiftNaming.typeName(wire) == expected)
    }

    @Test(arguments: [
        ("", "empty"), ("+", "plus"), ("-", "minus"), ("1", "_1"), ("a", "a"), ("in", "`in`"), ("none", "none_"),
        ("Some", "some_"), ("-3", "minus3"), ("+3", "plus3"), ("-10", "minus10"),
    ])
    func caseNames(_ wire: String, _ expected: String) {
        #expect(SwiftNaming.caseName(wire) == expected)
    }

    @Test(arguments: [
        ("PetStore", "PetStore"), ("IServClient", "IServClient"), ("my client", "MyClient"), ("my api", "MyApi"),
        ("class", "Class"), ("9Lives", "_9Lives"), ("Response", "ResponseModel"), ("_", "Value"), ("Größe", "Größe"),
    ])
    func chosenTypeNames(_ text: String, _ expected: String) {
        #expect(SwiftNaming.chosenTypeName(text) == expected)
    }

    /// Every public top-level type of the runtime (and the test server contract tests import) is reserved,
    /// read from the sources so a new runtime type cannot be forgotten.
    @Test func everyPublicRuntimeTypeIsReserved() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources")
        let pattern = try NSRegularExpression(
            pattern: #"^(?:@\w+\s+)*public\s+(?:final\s+)?(?:indirect\s+)?(?:struct|enum|class|protocol|typealias|actor)\s+(\w+)"#,
            options: [.anchorsMatchLines])
        var found = Set<String>()
        for module in ["KilnRuntime", "KilnServer", "KilnTestServer"] {
            let folder = sources.appendingPathComponent(module)
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    found.insert((text as NSString).substring(with: match.range(at: 1)))
                }
            }
        }
        #expect(found.count > 50)
        #expect(found.isSubset(of: SwiftNaming.reservedTypeNames), "not reserved: \(found.subtracting(SwiftNaming.reservedTypeNames).sorted())")
        for name in found { #expect(SwiftNaming.typeName(name) != name) }
    }

    @Test func scopesResolveCollisionsInOrder() {
        var scope = NameScope(reserved: ["core"])
        #expect(scope.claim("core") == "core2")
        #expect(scope.claim("name") == "name")
        #expect(scope.claim("name") == "name2")
        #expect(scope.claim("`default`") == "`default`")
        #expect(scope.claim("`default`") == "default2")
    }

    @Test(arguments: [
        ("listGroups", "groups", "list"), ("addGroupUsers", "groups", "add_Users"), ("getGroup", "groups", "get"),
        ("getPortalBaseUrl", "settings", "getPortalBaseUrl"), ("CreateConversation", "ConversationsV1Conversation", "CreateConversation"),
        ("listCategories", "categories", "list"), ("groups", "groups", "groups"),
    ])
    func operationNamesDropTheirTag(_ operationID: String, _ tag: String, _ expected: String) {
        #expect(OperationNaming.stripping(tag: tag, from: operationID) == expected)
    }
}
