import Foundation

/// Logs each request and its outcome (method, URL, status, duration) to an injectable sink,
/// never printing secrets: see `Redactor`.
///
/// One message per event: `→ GET <url>` before sending, then `← 200 GET <url> (12.3 ms)` or
/// `✗ GET <url> failed after 12.3 ms: <error>`. Headers and bodies follow on indented lines when enabled.
public struct LoggingMiddleware: ClientMiddleware {
    /// What to log.
    public struct Options: Sendable {
        /// Print headers (secret ones redacted).
        public var logsHeaders: Bool
        /// Off by default: bodies can be large and personal even after redaction.
        public var logsBodies: Bool
        /// Longer bodies are cut.
        public var maxBodyCharacters: Int
        /// Decides what counts as secret.
        public var redactor: Redactor

        /// Defaults: headers on, bodies off.
        public init(logsHeaders: Bool = true, logsBodies: Bool = false, maxBodyCharacters: Int = 4096, redactor: Redactor = Redactor()) {
            self.logsHeaders = logsHeaders
            self.logsBodies = logsBodies
            self.maxBodyCharacters = maxBodyCharacters
            self.redactor = redactor
        }
    }

    private let options: Options
    private let sink: @Sendable (String) -> Void

    /// `sink` receives one (possibly multi-line) message per event, e.g. `{ logger.debug("\($0)") }`.
    public init(options: Options = Options(), sink: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.sink = sink
    }

    public func intercept(
        _ request: HTTPRequest,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, URL) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let summary = "\(request.method) \(redactedURL(request, baseURL: baseURL))"
        var sent = details(headers: request.headers, body: request.body)
        // A body streamed from disk is not read for the log: its size stands in for it.
        if options.logsBodies, let stream = request.bodyStream {
            sent.append("  body: <\((try? stream.length()).map { "\($0) bytes" } ?? "unreadable") streamed from disk>")
        }
        sink(["→ \(summary) [\(operationID)]"] + sent)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let response = try await next(request, baseURL)
            let elapsed = Self.milliseconds(clock.now - start)
            sink(["← \(response.status) \(summary) (\(elapsed) ms)"] + details(headers: response.headers, body: response.body))
            return response
        } catch {
            // Transport errors quote the full URL, query secrets included.
            let description = options.redactor.redactedText(String(describing: error))
            sink(["✗ \(summary) failed after \(Self.milliseconds(clock.now - start)) ms: \(description)"])
            throw error
        }
    }

    private func sink(_ lines: [String]) {
        sink(lines.joined(separator: "\n"))
    }

    /// Built as text rather than `URL` so the placeholder needs no escaping.
    private func redactedURL(_ request: HTTPRequest, baseURL: URL) -> String {
        HTTPRequest.urlString(baseURL: baseURL, path: request.path, query: request.query, renderQuery: options.redactor.redactedQuery)
    }

    private func details(headers: HTTPFields, body: Data?) -> [String] {
        var lines: [String] = []
        if options.logsHeaders {
            lines += options.redactor.redactedHeaderLines(headers).map { "  " + $0 }
        }
        if options.logsBodies, let body, !body.isEmpty {
            var text = options.redactor.redactedBody(body, contentType: headers["Content-Type"])
            if text.count > options.maxBodyCharacters { text = String(text.prefix(options.maxBodyCharacters)) + "…" }
            lines.append("  body: " + text)
        }
        return lines
    }

    /// Milliseconds with one decimal, e.g. `12.3`.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = (seconds * 10_000) + attoseconds / 100_000_000_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
