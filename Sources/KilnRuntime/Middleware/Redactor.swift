import Foundation

/// Removes secrets from what `LoggingMiddleware` prints: whole header values, and values of
/// sensitive fields in query strings, form bodies and JSON bodies (at any depth).
/// Names are compared case-insensitively; besides the listed names, any name that looks like a
/// secret counts (it contains "password", "secret", "authorization" or "apikey"/"api_key"/"api-key", or
/// ends in "token", "pass" or "key": `id_token`, `kpass`, `strPass`, `Ocp-Apim-Subscription-Key`; not
/// `token_type`), unless `matchesSecretLikeNames` is off.
public struct Redactor: Sendable {
    /// Printed instead of a secret value.
    public static let placeholder = "[REDACTED]"
    /// Headers whose whole value is secret.
    public static let defaultHeaderNames: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key",
    ]
    /// Query, form and JSON field names whose values are secret.
    public static let defaultFieldNames: Set<String> = [
        "client_secret", "password", "kpass", "plaintext_password", "token", "access_token", "refresh_token", "kmd",
        "api_key", "apikey", "2fa", "otp",
    ]
    private static let secretLikeParts = ["password", "passwd", "secret", "apikey", "api_key", "api-key", "authorization"]

    /// Lowercased.
    public let headerNames: Set<String>
    /// Lowercased.
    public let fieldNames: Set<String>
    /// Whether names that look like secrets count too (see the type's documentation).
    public let matchesSecretLikeNames: Bool

    /// Replaces the default lists (names in any case).
    public init(
        headerNames: Set<String> = Redactor.defaultHeaderNames, fieldNames: Set<String> = Redactor.defaultFieldNames,
        matchesSecretLikeNames: Bool = true
    ) {
        self.headerNames = Set(headerNames.map { $0.lowercased() })
        self.fieldNames = Set(fieldNames.map { $0.lowercased() })
        self.matchesSecretLikeNames = matchesSecretLikeNames
    }

    /// Whether the header value must not be printed.
    public func isSensitiveHeader(_ name: String) -> Bool {
        let name = name.lowercased()
        return headerNames.contains(name) || (matchesSecretLikeNames && looksSecret(name))
    }

    /// Whether a query/form/JSON field value must not be printed.
    public func isSensitiveField(_ name: String) -> Bool {
        let name = name.lowercased()
        return fieldNames.contains(name) || (matchesSecretLikeNames && looksSecret(name))
    }

    private func looksSecret(_ lowercased: String) -> Bool {
        lowercased.hasSuffix("pass") || lowercased.hasSuffix("token") || lowercased.hasSuffix("key")
            || Self.secretLikeParts.contains { lowercased.contains($0) }
    }

    /// Free text (an error's description, which may quote the request URL) with the values of
    /// sensitive `name=value` query pairs replaced.
    public func redactedText(_ text: String) -> String {
        // A value stops at `?` too: an unencoded URL inside a value must not hide the pairs after it.
        text.replacing(/(?<lead>[?&;])(?<name>[^=&?;\s]+)=(?<value>[^&;?\s,)"'\]]*)/) { match in
            let name = PercentEncoding.decode(String(match.output.name), plusAsSpace: true) ?? String(match.output.name)
            guard isSensitiveField(name), !match.output.value.isEmpty else { return String(match.output.0) }
            return "\(match.output.lead)\(match.output.name)=\(Self.placeholder)"
        }
    }

    /// `name: value` lines with sensitive values replaced.
    public func redactedHeaderLines(_ headers: HTTPFields) -> [String] {
        headers.map { "\($0.name): \(isSensitiveHeader($0.name) ? Self.placeholder : $0.value)" }
    }

    /// The encoded query with sensitive values replaced.
    public func redactedQuery(_ query: QueryItems) -> String {
        query.items.map { item in
            "\(item.percentEncodedName)=\(isSensitiveField(item.name) ? Self.placeholder : item.percentEncodedValue)"
        }.joined(separator: "&")
    }

    /// A printable body: form and JSON bodies with sensitive fields replaced; other media types
    /// (which could hold anything) only as a size, and so is JSON that does not parse.
    public func redactedBody(_ body: Data, contentType: String?) -> String {
        let mediaType = contentType?.lowercased() ?? ""
        if mediaType.hasPrefix(FormURLEncoder.contentType) {
            return redactedForm(String(decoding: body, as: UTF8.self))
        }
        if mediaType.contains("json") {
            return redactedJSON(body) ?? "<\(body.count) bytes of unparseable JSON>"
        }
        return "<\(body.count) bytes\(mediaType.isEmpty ? "" : " of \(mediaType)")>"
    }

    private func redactedForm(_ body: String) -> String {
        body.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decode(String(parts[0]), plusAsSpace: true) ?? String(parts[0])
            guard isSensitiveField(name) else { return String(pair) }
            return "\(parts[0])=\(Self.placeholder)"
        }.joined(separator: "&")
    }

    private func redactedJSON(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: redacting(object), options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private func redacting(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, member) in object {
                result[key] = isSensitiveField(key) ? Self.placeholder : redacting(member)
            }
            return result
        }
        if let array = value as? [Any] {
            return array.map(redacting)
        }
        return value
    }
}
