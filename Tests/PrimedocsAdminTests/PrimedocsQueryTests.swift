import Foundation
import KilnTestServer
import PrimedocsAdmin
import PrimedocsAdminMocks
import Testing

/// Rendered strings are compared whole, against the source document's own examples where it has them.
@Suite struct PrimedocsQueryTests {
    typealias Invalid = PrimedocsQuery.InvalidQuery

    @Test func usersExampleFromTheDocument() throws {
        let query = try PrimedocsQuery.Users().title(.startsWith("John")).field("User.EmailField", .endsWith("foobar.com"))
        #expect(query.rendered == #"title:"John*" field[User.EmailField]:"*foobar.com""#)
        #expect("\(query)" == query.rendered)
    }

    @Test func listCallsTakeTheBuilderDirectly() async throws {
        let mock = PrimedocsClientMock()
        mock.users.listStub.handler = { input in
            UserPage(data: [User(id: "\(input.page ?? 0)", title: "John")], pagingDetails: PagingDetails(page: input.page ?? 1, totalPages: 2))
        }
        let query = try PrimedocsQuery.Users().title(.startsWith("John"))
        _ = try await mock.users.list(query: query)
        var ids: [String] = []
        for try await user in mock.users.all(query: query, pageSize: 10) { ids.append(user.id) }
        #expect(ids == ["1", "2"])
        #expect(mock.users.listStub.calls.map(\.query) == [#"title:"John*""#, #"title:"John*""#, #"title:"John*""#])
        #expect(mock.users.listStub.calls.map(\.pageSize) == [nil, 10, 10])
    }

    @Test func everyMatchPutsTheWildcardOnlyAtTheEnds() throws {
        let groups = try PrimedocsQuery.Groups().title(.exactly("Admin")).primarySid(.startsWith("123"))
        #expect(groups.rendered == #"title:"Admin" primarySid:"123*""#)
        let appGroups = try PrimedocsQuery.AppUserGroups().title(.contains("dmi")).primarySid(.endsWith("23"))
        #expect(appGroups.rendered == #"title:"*dmi*" primarySid:"*23""#)
    }

    @Test func textWithSpacesAndColonsStaysInsideTheQuotes() throws {
        let query = try PrimedocsQuery.Users().title(.exactly("Max Mustermann: CEO")).field("User.FirstName", .exactly("Max"))
        #expect(query.rendered == #"title:"Max Mustermann: CEO" field[User.FirstName]:"Max""#)
    }

    @Test func settingAPropertyAgainReplacesItInPlace() throws {
        let query = try PrimedocsQuery.Users()
            .title(.exactly("a")).field("User.A", .exactly("1")).field("User.B", .exactly("2"))
            .title(.startsWith("b")).field("User.A", .exactly("3"))
        #expect(query.rendered == #"title:"b*" field[User.A]:"3" field[User.B]:"2""#)
    }

    @Test func emptyQueryRendersNothing() {
        #expect(PrimedocsQuery.Templates().rendered == "")
        #expect(PrimedocsQuery.Users() == PrimedocsQuery.Users())
    }

    @Test func templatesExampleFromTheDocument() throws {
        let query = try PrimedocsQuery.Templates().active(true).tags(anyOf: [["ProjectX", "Finance"], ["Controlling"]])
        #expect(query.rendered == "active:true tags:ProjectX;Finance|Controlling")
        let byName = PrimedocsQuery.Templates().active(false)
        #expect(try byName.localizedName(.endsWith("brief")).rendered == #"active:false localizedName:"*brief""#)
    }

    @Test func templateIdsStatesAndDescriptionsRenderTyped() throws {
        let id = try #require(UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301"))
        let meta = try #require(UUID(uuidString: "00000000-0000-0000-0000-0000000000AB"))
        let query = try PrimedocsQuery.Templates()
            .templateId(id).metaTemplateId(meta).templateGroupId(id).templateState(.released)
            .localizedDescription(.contains("Brief an"))
        #expect(query.rendered == "templateId:3f2504e0-4f89-11d3-9a0c-0305e82c3301"
            + " metaTemplateId:00000000-0000-0000-0000-0000000000ab"
            + " templateGroupId:3f2504e0-4f89-11d3-9a0c-0305e82c3301 templatestate:2"
            + #" localizedDescription:"*Brief an*""#)
    }

    @Test func tagsAreQuotedOnlyWhenATagHasWhitespace() throws {
        #expect(try PrimedocsQuery.Templates().tags(allOf: ["A", "B"]).rendered == "tags:A;B")
        #expect(try PrimedocsQuery.Templates().tags(anyOf: [["Project X"], ["Y"]]).rendered == #"tags:"Project X|Y""#)
    }

    @Test func organizationUnitsUseTitleAndSid() throws {
        let query = try PrimedocsQuery.OrganizationUnits().title(.contains("Sales")).sid("OU-123")
        #expect(query.rendered == #"title:"*Sales*" sid:"OU-123""#)
    }

    @Test(arguments: [
        PrimedocsQuery.Match.exactly(#"say "hi""#), .startsWith("a*b"), .endsWith("*"), .contains(""), .exactly(""),
    ])
    func textTheGrammarCannotExpressIsRefused(match: PrimedocsQuery.Match) {
        #expect(throws: Invalid.self) { try PrimedocsQuery.Users().title(match) }
    }

    @Test func refusedTextNamesPropertyAndText() {
        #expect(throws: Invalid.unsupportedText(property: "localizedName", text: "x\"y")) {
            try PrimedocsQuery.Templates().localizedName(.exactly("x\"y"))
        }
        #expect(throws: Invalid.unsupportedText(property: "sid", text: "OU*")) {
            try PrimedocsQuery.OrganizationUnits().sid("OU*")
        }
    }

    @Test(arguments: ["", "User Email", "User]", "a[b", "a:b", "a\"b"])
    func invalidFieldIdsAreRefused(fieldId: String) {
        #expect(throws: Invalid.invalidFieldId(fieldId)) { try PrimedocsQuery.Users().field(fieldId, .exactly("x")) }
    }

    @Test(arguments: [[], [[]], [["A"], []], [[""]], [["A;B"]], [["A|B"]], [["A\"B"]]] as [[[String]]])
    func invalidTagsAreRefused(groups: [[String]]) {
        #expect(throws: Invalid.invalidTags(groups)) { try PrimedocsQuery.Templates().tags(anyOf: groups) }
    }

    @Test func renderedQueryReachesTheServerUnchanged() async throws {
        let query = try PrimedocsQuery.Users().title(.startsWith("John & Co+")).field("User.EmailField", .endsWith("foo.com"))
        try await withKilnTestServer(handler: { _ in
            .json(#"{"data":[],"pagingDetails":{"page":1,"totalPages":0}}"#)
        }) { server in
            let client = PrimedocsClient(baseURL: ContractCheck.baseURL(server, path: "/api/v3/ds/Admin"))
            _ = try await client.users.list(pageSize: 10, query: query.rendered)
            let request = try #require(server.requests.first)
            #expect(request.path == "/api/v3/ds/Admin/Users")
            #expect(request.queryValue("query") == #"title:"John & Co+*" field[User.EmailField]:"*foo.com""#)
        }
    }
}
