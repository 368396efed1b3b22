import KilnText

/// Reads `{name}` templates in paths and server URLs.
public enum PathTemplate {
    /// The template names in order, or nil when braces are unbalanced.
    public static func parameterNames(_ template: String) -> [String]? {
        var names: [String] = []
        var current: String?
        for character in template {
            switch character {
            case "{":
                guard current == nil else { return nil }
                current = ""
            case "}":
                guard let name = current else { return nil }
                names.append(name)
                current = nil
            default:
                current?.append(character)
            }
        }
        return current == nil ? names : nil
    }

    /// The path with every template replaced by `{}`, to find paths that differ only in names.
    static func shape(_ template: String) -> String {
        var result = ""
        var inside = false
        for character in template {
            if character == "{" {
                inside = true
                result.append("{}")
            } else if character == "}" {
                inside = false
            } else if !inside {
                result.append(character)
            }
        }
        return result
    }
}

/// Media type names, compared the way HTTP does (case-insensitively, parameters ignored).
public enum MediaTypeName {
    /// application/json, application/problem+json, text/json, and the like.
    public static func isJSON(_ name: String) -> Bool {
        let essence = name.split(separator: ";").first.map { String($0).trimmingSpaces.lowercased() } ?? ""
        return essence == "application/json" || essence.hasSuffix("+json") || essence == "text/json"
    }
}
