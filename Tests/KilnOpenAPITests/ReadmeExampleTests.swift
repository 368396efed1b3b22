import Foundation
import Testing

/// The README's Swift must compile. Tests/Downstream/Sources/ReadmeExamples holds it and check.sh builds it;
/// these tests fail when the README and that compiled copy part ways.
@Suite struct ReadmeExampleTests {
    static let examples = TestPaths.packageRoot.appendingPathComponent("Tests/Downstream/Sources/ReadmeExamples")
    /// The AsyncHTTPClient example compiles with that transport's tests (CI builds AsyncHTTPClient once).
    static let transportExamples = TestPaths.packageRoot.appendingPathComponent("Tests/KilnAsyncHTTPClientTests")
    static let hummingbirdExamples = TestPaths.packageRoot.appendingPathComponent("Tests/KilnHummingbirdTests")

    /// Inline examples of README.md and Specs/README.md that must appear, as written, in the compiled copy.
    static let inlineExamples = [
        "try await intrexx.auth.authenticate(AuthRequest(username: user, password: password))",
        "for try await user in primedocs.users.all(query: q)",
        "try await actionAPI.auth(kname: name, kpass: password)",
        #"actionAPI.list(model: "Subaccount", filters: [.field("age", .gte(27))], limit: 100)"#,
        "actionAPI.verifyAuth(token: error.sessionToken!, twoFactorCode: code)",
        #"let q = try PrimedocsQuery.Users().title(.startsWith("John"))"#,
        #"Filter.field("age", .gte(27))"#,
        #"peiq.users.list(filter: PEIQUserFilter(lastName: "Mustermann", lockState: .locked))"#,
        "PrimedocsClient(baseURL: url, middlewares: [PrimedocsClient.primedocsOAuth(clientID: id, clientSecret: secret, instance: host)])",
        #"for try await event in try await client.streamTicks() { print(event.event, event.data.count, event.id ?? "") }"#,
        "for try await user in try await client.exportUsers() { print(user.name) }",
        #"let zip = try await intrexx.diagnosis.download(portal: "portal", to: URL(fileURLWithPath: "/tmp/diagnosis.zip"))"#,
        #"fake.listGroupsStub = { input in input.extended == true ? .badRequest() : .ok([Group(id: "17", name: "Class 7b")]) }"#,
        "let server = try await IServServer(handler: fake).start()",
        "let iserv = IServClient(baseURL: server.url)",
        "router.addRoutes(IServServer(handler: FakeIServ()).router)",
        #"try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 8080))).runService()"#,
        #"mock.streamTicksStub.handler = { _ in ServerSentEventStream(ResponseBody(Data("data: {\"count\": 1}\n\n".utf8)), operationID: "streamTicks") }"#,
        "let iserv = IServClient(baseURL: url, transport: AsyncHTTPClientTransport())",
        "HTTPClient(configuration: AsyncHTTPClientTransport.clientConfiguration())",
    ]

    private func text(_ relativePath: String) throws -> String {
        try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    @Test func usingAGeneratedClientBlockIsTheCompiledCode() throws {
        let readme = try text("README.md")
        let section = try #require(readme.range(of: "## Using a generated client"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```swift\n"))
        let close = try #require(rest[open.upperBound...].range(of: "```\n"))
        let block = String(rest[open.upperBound..<close.lowerBound])

        let source = try text("Tests/Downstream/Sources/ReadmeExamples/UsingAGeneratedClient.swift")
        let begin = try #require(source.range(of: "    // README begin\n"))
        let end = try #require(source.range(of: "    // README end\n"))
        let compiled = source[begin.upperBound..<end.lowerBound]
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }
            .joined(separator: "\n")
        #expect(block == compiled)
    }

    @Test(arguments: inlineExamples)
    func inlineExampleIsCompiled(_ example: String) throws {
        let readmes = try text("README.md") + text("Specs/README.md")
        #expect(readmes.contains(example), "no README shows this example any more; update the list")
        let compiled = try [Self.examples, Self.transportExamples, Self.hummingbirdExamples].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
                .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        }
        #expect(compiled.contains { $0.contains(example) }, "the compiled copy lacks this README example")
    }
}
