import Foundation
import KilnRuntime

/// One operation's entry in a router: its method and path template, and what answers it.
public struct ServerRoute: Sendable {
    public typealias Handle = @Sendable (ServerRequest, ServerRequestInputs) async throws -> ServerResponse

    public let method: String
    public let template: String
    public let operationID: String
    let parsed: RouteTemplate
    let handle: Handle

    public init(method: String, template: String, operationID: String, handle: @escaping Handle) {
        self.method = method.uppercased()
        self.template = template
        self.operationID = operationID
        self.parsed = RouteTemplate(template)
        self.handle = handle
    }
}

/// Limits a router enforces before any handler runs.
public struct ServerOptions: Sendable {
    /// Larger request bodies are answered 413 without decoding; adapters stop reading past it too.
    public var bodyLimit: Int
    /// Where the API is mounted (`/api/v1`): stripped before matching; a path outside it is a 404.
    public var basePath: String

    public init(bodyLimit: Int = 16 * 1024 * 1024, basePath: String = "") {
        self.bodyLimit = bodyLimit
        self.basePath = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
    }
}

/// What a handler throws for an operation it does not implement: answered 501.
public struct ServerNotImplemented: Error, CustomStringConvertible, Sendable {
    public var operationID: String

    public init(operationID: String) {
        self.operationID = operationID
    }

    public var description: String { "\(operationID) is not implemented" }
}

/// Matches method and path template (most specific template first), decodes, calls the handler and
/// encodes. Unknown path: 404. Known path, other method: 405 with `Allow`. Input that does not decode:
/// 400 naming the parameter or field. A handler's own error: 500 without its text.
public struct ServerRouter: ServerApplication {
    public let routes: [ServerRoute]
    public let options: ServerOptions

    public init(routes: [ServerRoute], options: ServerOptions = ServerOptions()) {
        // Stable: among equally specific templates the spec's order decides.
        self.routes = routes.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.parsed.specificity, rhs.element.parsed.specificity)
            return left != right ? left.lexicographicallyPrecedes(right, by: >) : lhs.offset < rhs.offset
        }.map(\.element)
        self.options = options
    }

    public func respond(to request: ServerRequest) async -> ServerResponse {
        let base = options.basePath
        guard base.isEmpty || request.path == base || request.path.hasPrefix(base + "/") else {
            return .problem(404, "\(request.path) is outside \(base)")
        }
        let segments = request.path.dropFirst(base.count).split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var allowed: [String] = []
        for route in routes {
            guard let variables = route.parsed.match(Array(segments)) else { continue }
            guard route.method == request.method || (request.method == "HEAD" && route.method == "GET") else {
                if !allowed.contains(route.method) { allowed.append(route.method) }
                continue
            }
            guard request.body.count <= options.bodyLimit else {
                return .problem(413, "request body of \(request.body.count) bytes exceeds the limit of \(options.bodyLimit) bytes")
            }
            do {
                var response = try await route.handle(request, ServerRequestInputs(request: request, pathVariables: variables))
                if request.method == "HEAD" { response.body = Data() }
                return response
            } catch let error as ServerInputError {
                return .problem(400, error.description)
            } catch let error as ServerNotImplemented {
                return .problem(501, error.description)
            } catch {
                // The error's text may hold internals (paths, queries, secrets): the client learns only that it failed.
                return .problem(500, "the handler for \(route.operationID) failed")
            }
        }
        guard allowed.isEmpty else {
            var response = ServerResponse.problem(405, "\(request.method) is not allowed on \(request.path)")
            response.headers["Allow"] = allowed.joined(separator: ", ")
            return response
        }
        return .problem(404, "no operation matches \(request.method) \(request.path)")
    }
}

extension ServerResponse {
    /// An RFC 9457 problem: `{"status": 400, "title": "Bad Request", "detail": "..."}`.
    public static func problem(_ status: Int, _ detail: String) -> ServerResponse {
        let title = ReasonPhrase.of(status)
        let body = JSONValue.object(["status": .integer(Int64(status)), "title": .string(title), "detail": .string(detail)])
        let data = (try? JSONCoding.makeEncoder().encode(body)) ?? Data()
        return ServerResponse(status: status, headers: ["Content-Type": "application/problem+json"], body: data)
    }
}
