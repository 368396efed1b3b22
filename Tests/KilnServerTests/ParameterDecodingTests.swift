import Foundation
import KilnRuntime
import KilnServer
import Testing

/// Every style the client encodes, decoded by the server into the value the client sent: the client's
/// own encoders produce the wire text, so the two sides cannot drift apart silently.
@Suite struct ParameterDecodingTests {
    static let text = "a b/c;d=e,f.g"
    static let list = ["blue", "black b", "brown,x"]
    static let color = Color(R: 100, G: 200, B: 150)

    @Test(arguments: [QueryStyle.form, .spaceDelimited, .pipeDelimited], [false, true])
    func queryArrays(style: QueryStyle, explode: Bool) async throws {
        // An unexploded array cannot carry its own delimiter in an item (`,`, ` `, `|`); exploded ones can.
        let items = explode ? Self.list : ["blue", style == .spaceDelimited ? "black,b" : "black b", "brown"]
        let query = QueryItems(QueryEncoder.encode(name: "color", value: ParameterValue(array: items), style: style, explode: explode))
        let router = ServerRouter.decoding("/p") { inputs in
            try inputs.requiredParameter("color", in: .query, as: [String].self, style: ParameterStyle(rawValue: style.rawValue)!, explode: explode, shape: .array)
        }
        let response = await router.respond(to: ServerRequest(method: "GET", path: "/p", query: query.percentEncodedQuery))
        #expect(response.status == 200)
        #expect(try response.decoded([String].self) == items)
    }

    @Test(arguments: [(QueryStyle.form, false), (.form, true), (.deepObject, true), (.spaceDelimited, false), (.pipeDelimited, false)])
    func queryObjects(style: QueryStyle, explode: Bool) async throws {
        var query = QueryItems(QueryEncoder.encode(name: "color", value: ParameterValue(encoding: Self.color), style: style, explode: explode))
        query.append("limit", "5")
        let router = ServerRouter.decoding("/p") { inputs in
            try inputs.requiredParameter(
                "color", in: .query, as: Color.self, style: ParameterStyle(rawValue: style.rawValue)!, explode: explode, shape: .object,
                excluding: ["limit"])
        }
        let response = await router.respond(to: ServerRequest(method: "GET", path: "/p", query: query.percentEncodedQuery))
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        #expect(try response.decoded(Color.self) == Self.color)
    }

    @Test(arguments: [PathStyle.simple, .label, .matrix], [false, true])
    func pathValues(style: PathStyle, explode: Bool) async throws {
        let serverStyle = ParameterStyle(rawValue: style.rawValue)!
        struct Decoded: Codable, Equatable { var text: String; var list: [String]; var color: Color }
        // Items cannot hold the delimiters the client leaves unescaped (`,` joins, `.` is unreserved).
        let list = ["blue", "black b/c", "brown"]
        let segments = [
            PathEncoder.encode(name: "t", value: ParameterValue(Self.text), style: style, explode: explode),
            PathEncoder.encode(name: "l", value: ParameterValue(array: list), style: style, explode: explode),
            PathEncoder.encode(name: "c", value: ParameterValue(encoding: Self.color), style: style, explode: explode),
        ]
        let router = ServerRouter.decoding("/p/{t}/{l}/{c}") { inputs in
            Decoded(
                text: try inputs.requiredParameter("t", in: .path, as: String.self, style: serverStyle, explode: explode),
                list: try inputs.requiredParameter("l", in: .path, as: [String].self, style: serverStyle, explode: explode, shape: .array),
                color: try inputs.requiredParameter("c", in: .path, as: Color.self, style: serverStyle, explode: explode, shape: .object))
        }
        let response = await router.respond(to: ServerRequest(method: "GET", path: "/p/" + segments.joined(separator: "/")))
        #expect(response.status == 200, "\(segments) \(String(decoding: response.body, as: UTF8.self))")
        #expect(try response.decoded(Decoded.self) == Decoded(text: Self.text, list: list, color: Self.color))
    }

    @Test(arguments: [false, true])
    func headersAndCookies(explode: Bool) async throws {
        struct Decoded: Codable, Equatable { var header: [String]; var color: Color; var cookie: [String]; var session: String }
        var headers = HTTPFields()
        headers["X-Tags"] = HeaderEncoder.encode(ParameterValue(array: ["a", "b"]), explode: explode)
        headers["X-Color"] = HeaderEncoder.encode(ParameterValue(encoding: Self.color), explode: explode)
        CookieEncoder.append(CookieEncoder.encode(name: "ids", value: ParameterValue(array: ["1", "2"]), explode: explode), to: &headers)
        CookieEncoder.append(CookieEncoder.encode(name: "session", Self.text), to: &headers)
        let router = ServerRouter.decoding("/p") { inputs in
            Decoded(
                header: try inputs.requiredParameter("X-Tags", in: .header, as: [String].self, style: .simple, explode: explode, shape: .array),
                color: try inputs.requiredParameter("x-color", in: .header, as: Color.self, style: .simple, explode: explode, shape: .object),
                cookie: try inputs.requiredParameter("ids", in: .cookie, as: [String].self, style: .form, explode: explode, shape: .array),
                session: try inputs.requiredParameter("session", in: .cookie, as: String.self, style: .form, explode: true))
        }
        let response = await router.respond(to: ServerRequest(method: "GET", path: "/p", headers: headers))
        #expect(response.status == 200, "\(headers) \(String(decoding: response.body, as: UTF8.self))")
        #expect(try response.decoded(Decoded.self) == Decoded(header: ["a", "b"], color: Self.color, cookie: ["1", "2"], session: Self.text))
    }

    @Test func typedScalarsAndJSONParameters() async throws {
        struct Decoded: Codable, Equatable { var date: Date; var id: UUID; var count: Int; var flag: Bool; var filter: Color; var missing: Int? }
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        let id = UUID()
        var query = QueryItems()
        query.append(contentsOf: QueryEncoder.encode(name: "date", date))
        query.append(contentsOf: QueryEncoder.encode(name: "id", id))
        query.append(contentsOf: QueryEncoder.encode(name: "count", 5))
        query.append(contentsOf: QueryEncoder.encode(name: "flag", true))
        query.append("filter", #"{"R":100,"G":200,"B":150}"#)
        let router = ServerRouter.decoding("/p") { inputs in
            Decoded(
                date: try inputs.requiredParameter("date", in: .query, as: Date.self, style: .form, explode: true),
                id: try inputs.requiredParameter("id", in: .query, as: UUID.self, style: .form, explode: true),
                count: try inputs.requiredParameter("count", in: .query, as: Int.self, style: .form, explode: true),
                flag: try inputs.requiredParameter("flag", in: .query, as: Bool.self, style: .form, explode: true),
                filter: try inputs.requiredParameter("filter", in: .query, as: Color.self, style: .form, explode: true, json: true),
                missing: try inputs.parameter("missing", in: .query, as: Int.self, style: .form, explode: true))
        }
        let response = await router.respond(to: ServerRequest(method: "GET", path: "/p", query: query.percentEncodedQuery))
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        #expect(try response.decoded(Decoded.self) == Decoded(date: date, id: id, count: 5, flag: true, filter: Self.color, missing: nil))
    }
}
