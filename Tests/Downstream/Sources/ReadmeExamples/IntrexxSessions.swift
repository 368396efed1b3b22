import IntrexxAdmin

/// README.md "Sessions".
func intrexxSession(intrexx: IntrexxClient, user: String, password: String) async throws {
    _ = try await intrexx.auth.authenticate(AuthRequest(username: user, password: password))
    _ = intrexx.session
}
