import Foundation
import KilnRuntime

/// A security scheme as the generated server reads it from a request (from `components/securitySchemes`).
public enum ServerSecurityScheme: Sendable {
    /// `http` `bearer`, and OAuth 2 / OpenID Connect, whose tokens arrive the same way.
    case bearer
    case basic
    /// An API key named `parameter` in a header, query or cookie, reported under the scheme's `name`.
    case apiKey(name: String, parameter: String, in: ServerParameterLocation)
}

/// The user name and password of HTTP Basic.
public struct BasicCredentials: Sendable, Hashable {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }
}

/// What a request presented, by the API's security schemes. The router does not judge it: a handler
/// decides, e.g. a fake server accepts only the token its own token endpoint issued.
public struct ServerCredentials: Sendable, Hashable {
    public var bearerToken: String?
    public var basic: BasicCredentials?
    /// API keys by security scheme name.
    public var apiKeys: [String: String]

    public init(bearerToken: String? = nil, basic: BasicCredentials? = nil, apiKeys: [String: String] = [:]) {
        self.bearerToken = bearerToken
        self.basic = basic
        self.apiKeys = apiKeys
    }
}

extension ServerRequestInputs {
    public func credentials(_ schemes: [ServerSecurityScheme]) -> ServerCredentials {
        var credentials = ServerCredentials()
        let authorization = request.headers["Authorization"]
        func value(after scheme: String) -> String? {
            guard let authorization, authorization.lowercased().hasPrefix(scheme.lowercased() + " ") else { return nil }
            return String(authorization.dropFirst(scheme.count + 1)).trimmingCharacters(in: .whitespaces)
        }
        for scheme in schemes {
            switch scheme {
            case .bearer:
                credentials.bearerToken = value(after: "Bearer")
            case .basic:
                guard let encoded = value(after: "Basic"), let data = Data(base64Encoded: encoded) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                guard let colon = text.firstIndex(of: ":") else { continue }
                credentials.basic = BasicCredentials(user: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
            case .apiKey(let name, let parameter, let location):
                let key = try? self.parameter(parameter, in: location, as: String.self, style: location == .header ? .simple : .form, explode: false)
                credentials.apiKeys[name] = key ?? nil
            }
        }
        return credentials
    }
}
