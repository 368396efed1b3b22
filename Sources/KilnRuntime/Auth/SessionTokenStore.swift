/// Holds a token obtained by a login call, shared by every request of a client.
public actor SessionTokenStore {
    /// The current token; nil when logged out.
    public private(set) var token: String?

    /// Starts logged in when `token` is given (e.g. restored from a keychain).
    public init(token: String? = nil) {
        self.token = token
    }

    /// Stores the token returned by login (nil logs out).
    public func setToken(_ token: String?) {
        self.token = token
    }

    /// Logs out.
    public func clear() {
        token = nil
    }

    /// Clears the token only if it is still `rejectedToken`, so a 401 for an old token cannot
    /// erase a newer login.
    public func clear(ifCurrent rejectedToken: String) {
        if token == rejectedToken { token = nil }
    }
}
