/// Marks errors that mean "could not authenticate" (e.g. the token endpoint refused), so
/// `APIClientCore` reports them as `ClientError.Kind.authentication`.
public protocol AuthenticationFailure: Error {}

/// A source of access tokens that can replace a token the server rejected.
public protocol RefreshableTokenProvider: Sendable {
    /// A currently valid token (possibly cached).
    func accessToken() async throws -> String
    /// A token other than `rejectedToken`; concurrent callers with the same rejected token share one refresh.
    func refreshedAccessToken(replacing rejectedToken: String) async throws -> String
}
