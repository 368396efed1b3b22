import Foundation
import KilnRuntime
import KilnServer
import Testing

@Suite struct BodyDecodingTests {
    struct Upload: Codable, Equatable, Sendable {
        var title: String
        var count: Int
        var tags: [String]
        var file: Data
        var files: [Data]?
        var meta: Color?
    }

    static let router = ServerRouter.decoding("/u", method: "POST") { inputs in
        try inputs.required(inputs.multipartBody(Upload.self, fileFields: ["file", "files"]))
    }

    @Test func multipartFromTheClientsEncoder() async throws {
        var form = MultipartFormData()
        form.addField(name: "title", value: "Report")
        form.addText("count", 3)
        form.addText("tags", ["a", "b"])
        form.addFile("file", Data([0, 1, 2, 255]), contentType: "application/zip")
        form.addFile("files", [Data("x".utf8), Data("y".utf8)], contentType: "text/plain")
        form.addField(name: "meta", value: #"{"R":1,"G":2,"B":3}"#, contentType: "application/json")
        let response = await Self.router.respond(
            to: ServerRequest(method: "POST", path: "/u", headers: ["Content-Type": form.contentType], body: form.encoded()))
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        #expect(
            try response.decoded(Upload.self)
                == Upload(title: "Report", count: 3, tags: ["a", "b"], file: Data([0, 1, 2, 255]), files: [Data("x".utf8), Data("y".utf8)], meta: Color(R: 1, G: 2, B: 3)))
    }

    @Test func malformedMultipartIs400() async {
        let response = await Self.router.respond(
            to: ServerRequest(method: "POST", path: "/u", headers: ["Content-Type": "multipart/form-data; boundary=zz"], body: Data("nonsense".utf8)))
        #expect(response.status == 400)
        #expect(response.detail?.contains("malformed multipart/form-data") == true)
    }

    @Test func formBodyWithJoinedAndRepeatedFields() async throws {
        struct Form: Codable, Equatable { var name: String; var ids: [Int]; var tags: [String]; var note: String? }
        let router = ServerRouter.decoding("/f", method: "POST") { inputs in
            try inputs.required(inputs.formBody(Form.self, joinedFields: ["tags": .pipeDelimited]))
        }
        var fields = FormURLEncoder.fields(name: "name", value: ParameterValue("Ada Lovelace+"))
        fields += FormURLEncoder.fields(name: "ids", value: ParameterValue(array: [1, 2]))
        fields += [("tags", "x|y")]
        let response = await router.respond(
            to: ServerRequest(method: "POST", path: "/f", headers: ["Content-Type": FormURLEncoder.contentType], body: FormURLEncoder.encodeBody(fields)))
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        #expect(try response.decoded(Form.self) == Form(name: "Ada Lovelace+", ids: [1, 2], tags: ["x", "y"], note: nil))
    }

    @Test func credentialsFromTheSchemes() async throws {
        let router = ServerRouter.decoding("/c") { inputs in
            let credentials = inputs.credentials([.bearer, .basic, .apiKey(name: "key", parameter: "X-API-Key", in: .header)])
            return [credentials.bearerToken ?? "-", credentials.basic?.user ?? "-", credentials.apiKeys["key"] ?? "-"]
        }
        let bearer = await router.respond(to: ServerRequest(method: "GET", path: "/c", headers: ["Authorization": "Bearer abc", "X-API-Key": "k1"]))
        #expect(try bearer.decoded([String].self) == ["abc", "-", "k1"])
        let basic = await router.respond(
            to: ServerRequest(method: "GET", path: "/c", headers: ["Authorization": "Basic " + Data("ada:pw".utf8).base64EncodedString()]))
        #expect(try basic.decoded([String].self) == ["-", "ada", "-"])
    }
}
