import Foundation

/// OAuth 2.0 client-credentials grant (RFC 6749 §4.4) with caching and single-flight refresh.
///
/// The token is reused until `refreshMargin` before `expires_in` runs out (at most half the
/// lifetime early, so short-lived tokens are still reused). Concurrent callers that need a new
/// token all await one request to the token endpoint.
public actor OAuth2ClientCredentials: RefreshableTokenProvider {
    /// How the client authenticates to the token endpoint.
    public enum ClientAuthentication: Sendable {
        /// `client_id` and `client_secret` in the form body (`client_secret_post`).
        case requestBody
        /// HTTP Basic with the client id and secret (`client_secret_basic`).
        case basicHeader
    }

    /// A token from the endpoint.
    public struct Token: Sendable, Hashable {
        /// The bearer token.
        public var accessToken: String
        /// Usually `Bearer`; informational only.
        public var tokenType: String?
        /// When to fetch a new one; nil when the server gave no `expires_in`.
        public var refreshAt: Date?
    }

    private let tokenURL: URL
    private let clientID: String
    private let clientSecret: String
    private let scope: String?
    private let transport: any HTTPTransport
    private let authentication: ClientAuthentication
    private let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date

    private var cached: Token?
    private var inFlight: Task<Token, any Error>?
    /// Callers currently waiting for a token request; lets tests prove they share one request.
    private(set) var waitingCallers = 0

    /// - Parameters:
    ///   - tokenURL: the token endpoint, used as is.
    ///   - scope: space-separated scopes; omitted when nil.
    ///   - transport: sends token requests (not through the API client's middlewares).
    ///   - refreshMargin: how long before expiry a new token is fetched.
    ///   - now: clock, injectable for tests.
    public init(
        tokenURL: URL,
        clientID: String,
        clientSecret: String,
        scope: String? = nil,
        transport: any HTTPTransport = URLSessionTransport(),
        authentication: ClientAuthentication = .requestBody,
        refreshMargin: TimeInterval = 30,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scope = scope
        self.transport = transport
        self.authentication = authentication
        self.refreshMargin = refreshMargin
        self.now = now
    }

    /// A valid access token, from cache when possible.
    public func accessToken() async throws -> String {
        if let cached, !needsRefresh(cached) { return cached.accessToken }
        return try await sharedRefresh().accessToken
    }

    /// Fetches a new token unless the cache already moved past `rejectedToken`.
    public func refreshedAccessToken(replacing rejectedToken: String) async throws -> String {
        if let cached, cached.accessToken != rejectedToken, !needsRefresh(cached) { return cached.accessToken }
        if cached?.accessToken == rejectedToken { cached = nil }
        return try await sharedRefresh().accessToken
    }

    /// Drops the cached token so the next call fetches a new one.
    public func invalidate() {
        cached = nil
    }

    private func needsRefresh(_ token: Token) -> Bool {
        token.refreshAt.map { now() >= $0 } ?? false
    }

    /// Joins the refresh in progress or starts one; only the starter publishes the result.
    private func sharedRefresh() async throws -> Token {
        waitingCallers += 1
        defer { waitingCallers -= 1 }
        if let inFlight { return try await inFlight.value }
        let task = Task { try await self.requestToken() }
        inFlight = task
        let result = await task.result
        if inFlight == task {
            inFlight = nil
            if case .success(let token) = result { cached = token }
        }
        return try result.get()
    }

    private func requestToken() async throws -> Token {
        var fields: [(name: String, value: String)] = [("grant_type", "client_credentials")]
        var headers: HTTPFields = ["Content-Type": FormURLEncoder.contentType, "Accept": "application/json"]
        switch authentication {
        case .requestBody:
            fields += [("client_id", clientID), ("client_secret", clientSecret)]
        case .basicHeader:
            // RFC 6749 §2.3.1: form-encode id and secret before Basic-encoding them.
            let credentials = "\(FormURLEncoder.escape(clientID)):\(FormURLEncoder.escape(clientSecret))"
            headers["Authorization"] = "Basic " + Data(credentials.utf8).base64EncodedString()
        }
        if let scope { fields.append(("scope", scope)) }
        let request = HTTPRequest(method: .post, path: "", headers: headers, body: FormURLEncoder.encodeBody(fields))
        let issuedAt = now()
        let response = try await transport.send(request, baseURL: tokenURL)
        guard response.isSuccess else { throw OAuth2Error(status: response.status, body: response.body) }
        let decoded: TokenResponse
        do {
            decoded = try JSONDecoder().decode(TokenResponse.self, from: response.body)
        } catch {
            throw OAuth2Error(status: response.status, body: response.body, reason: "invalid token response: \(error)")
        }
        let refreshAt = decoded.expiresIn.map { lifetime in
            issuedAt.addingTimeInterval(lifetime - min(refreshMargin, lifetime / 2))
        }
        return Token(accessToken: decoded.accessToken, tokenType: decoded.tokenType, refreshAt: refreshAt)
    }

    private struct TokenResponse: Decodable {
        var accessToken: String
        var tokenType: String?
        var expiresIn: Double?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case tokenType = "token_type"
            case expiresIn = "expires_in"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            accessToken = try container.decode(String.self, forKey: .accessToken)
            tokenType = try container.decodeIfPresent(String.self, forKey: .tokenType)
            expiresIn = try container.decodeLenientIfPresent(Double.self, forKey: .expiresIn)
        }
    }
}

/// The token endpoint refused or answered nonsense.
public struct OAuth2Error: AuthenticationFailure, CustomStringConvertible {
    /// The token endpoint's status.
    public let status: Int
    /// The raw answer, e.g. `{"error":"invalid_client"}` (RFC 6749 §5.2).
    public let body: Data
    /// Why, without secrets.
    public let reason: String

    /// `reason` defaults to a message naming the status.
    public init(status: Int, body: Data, reason: String? = nil) {
        self.status = status
        self.body = body
        self.reason = reason ?? "token request failed with HTTP \(status)"
    }

    /// Never includes the body verbatim: token endpoints may echo credentials.
    public var description: String {
        "OAuth2: \(reason)"
    }
}
