import Foundation
import Testing
import KilnRuntime

@Suite struct FormURLEncoderTests {
    @Test func followsWHATWGSerializer() {
        let body = FormURLEncoder.encode([("grant_type", "client_credentials"), ("scope", "read write"), ("x", "a+b~*-._/&=é")])
        #expect(body == "grant_type=client_credentials&scope=read+write&x=a%2Bb%7E*-._%2F%26%3D%C3%A9")
    }

    @Test func decodesPlusAsSpace() {
        let fields = FormURLEncoder.decode("scope=read+write&x=a%2Bb&empty=&flag")
        #expect(fields.map(\.name) == ["scope", "x", "empty", "flag"])
        #expect(fields.map(\.value) == ["read write", "a+b", "", ""])
    }

    @Test func roundTrips() {
        let original: [(name: String, value: String)] = [("n a", "v+ ü"), ("k", "&=%")]
        let decoded = FormURLEncoder.decode(FormURLEncoder.encode(original))
        #expect(decoded.map(\.name) == original.map(\.name))
        #expect(decoded.map(\.value) == original.map(\.value))
    }

    @Test func structuredFields() {
        #expect(FormURLEncoder.encode(FormURLEncoder.fields(name: "c", value: StyleFixtures.array)) == "c=blue&c=black&c=brown")
        #expect(FormURLEncoder.encode(FormURLEncoder.fields(name: "c", value: StyleFixtures.array, explode: false)) == "c=blue%2Cblack%2Cbrown")
        #expect(FormURLEncoder.encode(FormURLEncoder.fields(name: "c", value: StyleFixtures.object)) == "R=100&G=200&B=150")
        #expect(FormURLEncoder.encode(FormURLEncoder.fields(name: "c", value: StyleFixtures.object, explode: false)) == "c=R%2C100%2CG%2C200%2CB%2C150")
        #expect(FormURLEncoder.encodeBody([("a", "b")]) == Data("a=b".utf8))
    }
}

/// Models are sent in their declaration order, though their values go through JSON (which forgets it).
@Suite struct DeclarationOrderTests {
    struct Filter: Encodable {
        let zone: String
        let age: Int?
        let name: String
        let tags: [String]
    }

    @Test func formBodiesAndObjectParametersKeepTheModelsOrder() throws {
        let filter = Filter(zone: "z", age: nil, name: "n", tags: ["a", "b"])
        var request = HTTPRequest(method: .post, path: "/")
        try request.setFormBody(filter, core: APIClientCore(baseURL: URL(string: "http://127.0.0.1")!), operationID: "op")
        #expect(request.body == Data("zone=z&name=n&tags=a&tags=b".utf8))
        try request.setFormBody(filter, joinedFields: ["tags": .pipeDelimited], core: APIClientCore(baseURL: URL(string: "http://127.0.0.1")!), operationID: "op")
        #expect(request.body == Data("zone=z&name=n&tags=a%7Cb".utf8), "encoding: {tags: {style: pipeDelimited, explode: false}}")
        request.addQuery("f", ParameterValueBox(filter), style: .deepObject)
        #expect(request.query.items.map(\.name) == ["f[zone]", "f[name]", "f[tags]"])
    }

    @Test func dictionaryBodiesAreSentSorted() throws {
        // A dictionary has no declaration order and encodes in hash order, which changes between runs.
        var request = HTTPRequest(method: .post, path: "/")
        let fields = ["gamma": "3", "alpha": "1", "beta": "2", "delta": "4", "eps": "5"]
        try request.setFormBody(fields, core: APIClientCore(baseURL: URL(string: "http://127.0.0.1")!), operationID: "op")
        #expect(request.body == Data("alpha=1&beta=2&delta=4&eps=5&gamma=3".utf8))
    }

    /// A generated model's conformance, as the generator writes it.
    struct ParameterValueBox: ParameterEncodable {
        let filter: Filter
        init(_ filter: Filter) { self.filter = filter }
        var parameterValue: ParameterValue { ParameterValue(encoding: filter) }
    }
}

@Suite struct MultipartFormDataTests {
    @Test func exactBytesForFieldsAndFiles() {
        var form = MultipartFormData(boundary: "XyZ")
        form.addField(name: "title", value: "Hello world")
        form.addField(name: "meta", value: #"{"a":1}"#, contentType: "application/json")
        form.addFile(name: "upload", filename: "notes.txt", contentType: "text/plain", data: Data("line1\nline2".utf8))
        let expected = "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
            + "Hello world\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"meta\"\r\n"
            + "Content-Type: application/json\r\n\r\n"
            + "{\"a\":1}\r\n"
            + "--XyZ\r\n"
            + "Content-Disposition: form-data; name=\"upload\"; filename=\"notes.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\n"
            + "line1\nline2\r\n"
            + "--XyZ--\r\n"
        #expect(form.encoded() == Data(expected.utf8))
        #expect(form.contentType == "multipart/form-data; boundary=XyZ")
    }

    @Test func binaryContentIsCopiedVerbatim() {
        var form = MultipartFormData(boundary: "b")
        let bytes = Data([0x00, 0xFF, 0x0D, 0x0A, 0x80])
        form.addFile(name: "f", filename: "x.bin", data: bytes)
        let prefix = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        #expect(form.encoded() == Data(prefix.utf8) + bytes + Data("\r\n--b--\r\n".utf8))
    }

    @Test func fileFromURLGuessesNameAndType() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kiln-\(UUID().uuidString).json")
        try Data("[1]".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var form = MultipartFormData(boundary: "B")
        try form.addFile(name: "doc", fileURL: url)
        let text = String(decoding: form.encoded(), as: UTF8.self)
        #expect(text == "--B\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"\(url.lastPathComponent)\"\r\nContent-Type: application/json\r\n\r\n[1]\r\n--B--\r\n")
    }

    @Test func missingFileThrows() {
        var form = MultipartFormData()
        #expect(throws: (any Error).self) {
            try form.addFile(name: "f", fileURL: URL(fileURLWithPath: "/nonexistent/kiln/file.txt"))
        }
    }

    @Test func quotesAndNewlinesInNamesAreEscaped() {
        var form = MultipartFormData(boundary: "b")
        form.addFile(name: "a\"b", filename: "x\r\ny.txt", contentType: "text/plain", data: Data())
        let text = String(decoding: form.encoded(), as: UTF8.self)
        #expect(text.contains("name=\"a%22b\"; filename=\"x%0D%0Ay.txt\""))
    }

    @Test func generatedCodeAddsFileArraysAsOnePartEachAndTextAsItsBytes() {
        var form = MultipartFormData(boundary: "b")
        form.addFile("pages", [Data("p1".utf8), Data("p2".utf8)], contentType: "application/pdf")
        form.addFile("thumb", "PNG…", contentType: "image/png")
        form.addFile("none", nil as [Data]?, contentType: "application/pdf")
        form.addFile("blob", Data("x".utf8), contentType: "application/octet-stream")
        form.addFile("notes", ["n"], contentType: "text/plain")
        let part = { (name: String, filename: String, type: String, content: String) in
            "--b\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n\(content)\r\n"
        }
        // Unnamed files are named after the field, with the extension their media type implies.
        let expected = part("pages", "pages.pdf", "application/pdf", "p1") + part("pages", "pages.pdf", "application/pdf", "p2")
            + part("thumb", "thumb.png", "image/png", "PNG…") + part("blob", "blob", "application/octet-stream", "x")
            + part("notes", "notes.txt", "text/plain", "n") + "--b--\r\n"
        #expect(form.encoded() == Data(expected.utf8))
    }

    @Test func randomBoundariesDiffer() {
        #expect(MultipartFormData().boundary != MultipartFormData().boundary)
        #expect(MultipartFormData().encoded().count > 0)
    }
}

/// What generated models with `readOnly` fields do: encode them except in request bodies.
@Suite struct ReadOnlyEncodingTests {
    struct Pet: Codable, Sendable {
        let id: String?
        let name: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            if !encoder.isEncodingRequestBody {
                try container.encodeIfPresent(id, forKey: .id)
            }
            try container.encode(name, forKey: .name)
        }
    }

    @Test func requestBodiesLeaveReadOnlyFieldsOut() throws {
        let core = APIClientCore(baseURL: URL(string: "https://example.com")!)
        let pet = Pet(id: "p1", name: "Rex")
        let sent = try core.encodeJSON(pet, operationID: "updatePet")
        #expect(String(decoding: sent, as: UTF8.self) == #"{"name":"Rex"}"#)
        let plain = try JSONCoding.makeEncoder().encode(pet)
        #expect(String(decoding: plain, as: UTF8.self) == #"{"id":"p1","name":"Rex"}"#)
    }
}
