import Foundation
import HTTPTypes
import Hummingbird
import KilnRuntime
import KilnServer

@available(macOS 14, iOS 17, tvOS 17, *)
extension Router {
    /// Serves a generated server on this router: `router.addRoutes(IServServer(handler: FakeIServ()).router)`.
    ///
    /// Each request is handed to `server` as Kiln sees it: the raw percent-encoded path and query, every
    /// header, and the body collected up to `server.options.bodyLimit` (a longer one is answered 413 without
    /// reading further). `server` then answers exactly as on loopback: its own 404, 405 with `Allow`, 400
    /// naming the parameter, 500 without the error's text.
    ///
    /// Which paths are registered, and why for every method: Hummingbird answers a known path with an
    /// unregistered method 404, where Kiln answers 405 with `Allow`; and Hummingbird's trie picks among
    /// templates by its own rules, where Kiln's router ranks literal segments first. So Hummingbird only has
    /// to hand the request to the ServerRouter, which matches again with its own specificity and decoding.
    /// When the API's templates share leading literal segments (IServ's `/IServ`), that prefix and
    /// `prefix/**` are registered: every path below it is the API's, and an unknown one gets Kiln's 404
    /// problem; the app's other routes are untouched. Without a shared prefix (a root catch-all would take
    /// paths from the app's own routes, whichever the trie tried first), each template is registered,
    /// matching at least what it matches: variables (with any prefix or suffix) become `*`, and so does a
    /// literal that a client could percent-encode (anything but unreserved characters), since Hummingbird
    /// compares the raw segment and Kiln the decoded one; an unknown path then gets Hummingbird's plain 404.
    /// Hummingbird looks at the raw path (`Request.uri.path`), so an encoded `/` (`%2F`) stays inside its
    /// segment for both.
    ///
    /// Registering a path and method the router already has stops the program (Hummingbird's precondition):
    /// two APIs sharing a template need one router each, or one `ServerRouter` over both routes.
    /// A method outside `KilnHummingbird.methods` (an extension method) on an API path gets Hummingbird's 404.
    @discardableResult
    public func addRoutes(_ server: ServerRouter) -> Self {
        for path in KilnHummingbird.routerPaths(for: server.routes.map(\.template)) {
            for method in KilnHummingbird.methods {
                on(RouterPath(path), method: method) { request, _ in
                    await KilnHummingbird.respond(to: request, with: server)
                }
            }
        }
        return self
    }

    /// Serves these routes (a generated server's `routes(handler)`, or hand-made ones) on this router.
    @discardableResult
    public func addRoutes(_ routes: [ServerRoute], options: ServerOptions = ServerOptions()) -> Self {
        addRoutes(ServerRouter(routes: routes, options: options))
    }
}

/// The conversions between Hummingbird's request and response and KilnServer's.
@available(macOS 14, iOS 17, tvOS 17, *)
public enum KilnHummingbird {
    /// The methods each API path is registered for, so that the ServerRouter answers 405 for the ones the
    /// API lacks (CONNECT has no path to route).
    public static let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options, .trace]

    /// The Hummingbird paths that reach every template of an API; see `Router.addRoutes(_:)`.
    /// `["/a/b", "/a/{id}"]` → `["/a", "/a/**"]`; `["/a/{id}.json", "/b"]` → `["/a/*", "/b"]`.
    static func routerPaths(for templates: [String]) -> [String] {
        let split = templates.map { template in
            template.split(separator: "/", omittingEmptySubsequences: true).map { segment in
                segment.allSatisfy(isUnreserved) ? String(segment) : "*"
            }
        }
        guard var prefix = split.first else { return [] }
        for segments in split.dropFirst() {
            prefix = Array(zip(prefix, segments).prefix { $0 == $1 && $0 != "*" }.map(\.0))
        }
        if let wildcard = prefix.firstIndex(of: "*") { prefix = Array(prefix[..<wildcard]) }
        guard prefix.isEmpty else {
            let path = "/" + prefix.joined(separator: "/")
            return [path, path + "/**"]
        }
        return Set(split.map { "/" + $0.joined(separator: "/") }).sorted()
    }

    /// RFC 3986 unreserved: never percent-encoded by a conforming client, and none of Hummingbird's path
    /// syntax (`:`, `{`, `}`, `*`).
    private static func isUnreserved(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-._~".contains(character))
    }

    /// Converts `request`, lets `server` answer it and converts the answer back.
    public static func respond(to request: Request, with server: ServerRouter) async -> Response {
        await respond(to: request, with: server, bodyLimit: server.options.bodyLimit)
    }

    /// The same for any application, with the body limit given.
    public static func respond(to request: Request, with application: some ServerApplication, bodyLimit: Int) async -> Response {
        let converted: ServerRequest
        do {
            guard let request = try await serverRequest(request, bodyLimit: bodyLimit) else {
                return response(.problem(413, "request body exceeds the limit of \(bodyLimit) bytes"))
            }
            converted = request
        } catch {
            // The connection failed while the body was read: nobody may be left to read the answer.
            return response(.problem(400, "the request body could not be read"))
        }
        return response(await application.respond(to: converted))
    }

    /// The request as generated server code reads it, or nil when its body is longer than `bodyLimit`
    /// (announced by `Content-Length`, or found while collecting; nothing past the limit is kept).
    public static func serverRequest(_ request: Request, bodyLimit: Int) async throws -> ServerRequest? {
        var headers = KilnRuntime.HTTPFields()
        // HTTP/1.1's Host arrives as the :authority pseudo-header; handlers see it as the header it was.
        if let authority = request.head.authority { headers.append(name: "Host", value: authority) }
        for field in request.headers { headers.append(name: field.name.rawName, value: field.value) }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > bodyLimit { return nil }
        var body = Data()
        for try await buffer in request.body {
            guard body.count + buffer.readableBytes <= bodyLimit else { return nil }
            body.append(contentsOf: buffer.readableBytesView)
        }
        return ServerRequest(
            method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "", headers: headers,
            body: body)
    }

    /// Hummingbird's response for Kiln's: status, headers in order, the body (Hummingbird adds its length).
    public static func response(_ response: ServerResponse) -> Response {
        var headers = HTTPTypes.HTTPFields()
        for field in response.headers {
            guard let name = HTTPTypes.HTTPField.Name(field.name) else { continue }
            headers.append(HTTPTypes.HTTPField(name: name, value: field.value))
        }
        return Response(
            status: HTTPResponse.Status(code: response.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: response.body)))
    }
}
