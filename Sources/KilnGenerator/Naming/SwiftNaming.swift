/// The one place that decides Swift names. Turns any wire name (`first_name`, `@odata.type`, `2fa`,
/// `Org.Title`, `x-kind`, `Größe`) into idiomatic Swift: UpperCamel types, lowerCamel members,
/// reserved words escaped. Pure functions; collisions are resolved by `NameScope`.
public enum SwiftNaming {
    /// `first_name` -> `FirstName`; `2fa` -> `_2fa`.
    public static func typeName(_ wire: String) -> String {
        let name = words(wire).map(capitalized).joined()
        guard let first = name.unicodeScalars.first else { return "Value" }
        let safe = isIdentifierHead(first) ? name : "_" + name
        return reservedTypeNames.contains(safe) ? safe + "Model" : safe
    }

    /// A type name chosen by hand (`x-kiln-name`, `--client-name`, `x-kiln-client-name`): kept as written
    /// when it is already a usable type name, else made into one like a wire name (`my api` -> `MyApi`,
    /// `class` -> `Class`, `9Lives` -> `_9Lives`).
    public static func chosenTypeName(_ text: String) -> String {
        let scalars = text.unicodeScalars
        if let first = scalars.first, isIdentifierHead(first), scalars.allSatisfy({ $0 == "_" || isIdentifierBody($0) }),
            text != "_", !keywords.contains(text), !unescapableMembers.contains(text), !reservedTypeNames.contains(text)
        {
            return text
        }
        return typeName(text)
    }

    /// `first_name` -> `firstName`; `URLPath` -> `urlPath`; `default` -> `` `default` ``.
    public static func memberName(_ wire: String) -> String {
        let parts = words(wire)
        guard let head = parts.first else { return "value" }
        let name = lowercasedHead(head) + parts.dropFirst().map(capitalized).joined()
        guard let first = name.unicodeScalars.first else { return "value" }
        let safe = isIdentifierHead(first) ? name : "_" + name
        return escapeMember(safe)
    }

    /// An enum case from a raw value: like a member name, but an empty string becomes `empty`
    /// and a value made only of symbols (`+`, `-`) gets a spelled-out name.
    public static func caseName(_ wire: String) -> String {
        if wire.isEmpty { return "empty" }
        // `.none` and `.some` would read as Optional's cases wherever the enum is optional.
        let name = memberName(wire)
        let bare = name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
        if bare == "none" || bare == "some" { return bare + "_" }
        // A signed number keeps its sign: `-3` is `minus3`, not `_3` (which `3` would be).
        if let sign = wire.first, sign == "-" || sign == "+", wire.dropFirst().first?.isNumber == true {
            return memberName(symbolNames[sign.unicodeScalars.first!]! + "_" + wire.dropFirst())
        }
        if words(wire).isEmpty {
            let spelled = wire.unicodeScalars.map { symbolNames[$0] ?? "symbol" }.joined(separator: "_")
            return memberName(spelled)
        }
        return memberName(wire)
    }

    /// A member name without its backticks, for text around it (`idPath`, documentation).
    static func unescaped(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }

    /// A member name as an argument label at a call site: keywords need no backticks there (Swift warns
    /// about them), except `inout`.
    static func argumentLabel(_ name: String) -> String {
        let bare = unescaped(name)
        return bare == "inout" ? name : bare
    }

    /// Backticks for keywords that are legal when escaped; a trailing underscore for those that are not
    /// usable as members even with backticks (`self`, `Type`, ...).
    static func escapeMember(_ name: String) -> String {
        if unescapableMembers.contains(name) { return name + "_" }
        if keywords.contains(name) { return "`\(name)`" }
        return name
    }

    /// Splits a wire name into words at separators, case changes and letter/digit boundaries.
    static func words(_ wire: String) -> [String] {
        asciiWords(wire) ?? unicodeWords(wire)
    }

    /// `words` by Unicode properties, for any name (`asciiWords` is the same on bytes).
    static func unicodeWords(_ wire: String) -> [String] {
        var result: [String] = []
        var current: [Character] = []
        func flush() {
            if !current.isEmpty { result.append(String(current)) }
            current = []
        }
        let characters = Array(transliterated(wire))
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber, character.unicodeScalars.allSatisfy(isIdentifierBody) else {
                flush()
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let lowerToUpper = previous.isLowercase && character.isUppercase
                // "HTTPServer": the S starts a new word because a lowercase letter follows it; but the
                // "s" of a plural acronym ("IDs", "URLsFor") belongs to the acronym.
                let afterNext = index + 2 < characters.count ? characters[index + 2] : nil
                let pluralAcronym = next == "s" && !(afterNext?.isLowercase ?? false)
                let acronymEnd = previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false)
                    && !pluralAcronym
                let digitToLetter = previous.isNumber && character.isLetter && current.contains(where: \.isLetter)
                if lowerToUpper || acronymEnd || digitToLetter { flush() }
            }
            current.append(character)
        }
        flush()
        // SCREAMING_SNAKE_CASE is one style, not a run of acronyms: BIG_ELEPHANT -> big, elephant.
        if result.count > 1, !wire.contains(where: \.isLowercase) {
            result = result.map { $0.lowercased() }
        }
        return result
    }

    private static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// `URL` -> `url`, `IDs` -> `ids`, `Name` -> `name`, `iOS` -> `iOS`.
    private static func lowercasedHead(_ word: String) -> String {
        let letters = word.filter(\.isLetter)
        let upperPrefix = word.prefix { $0.isUppercase }.count
        if letters.allSatisfy(\.isUppercase) || (upperPrefix > 1 && word.dropFirst(upperPrefix) == "s") {
            return word.lowercased()
        }
        guard let first = word.first else { return word }
        return first.lowercased() + word.dropFirst()
    }

    private static func transliterated(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value > 127 }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "Ä": result += "Ae"
            case "Ö": result += "Oe"
            case "Ü": result += "Ue"
            case "ß": result += "ss"
            default: result.append(character)
            }
        }
        return result
    }

    private static func isIdentifierHead(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.properties.isAlphabetic && isIdentifierBody(scalar))
    }

    /// Letters and digits Swift accepts in identifiers (a conservative subset: no combining marks alone).
    private static func isIdentifierBody(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static let symbolNames: [Unicode.Scalar: String] = [
        "+": "plus", "-": "minus", "*": "star", "/": "slash", "<": "less", ">": "greater", "=": "equal",
        "!": "not", "?": "question", ".": "dot", ",": "comma", ":": "colon", "@": "at", "#": "hash",
        "$": "dollar", "%": "percent", "&": "and", "|": "or", "~": "tilde", "^": "caret", " ": "space",
    ]

    private static let unescapableMembers: Set<String> = ["self", "Self", "Type", "Protocol", "init", "super"]

    /// Type names that would shadow what generated code and its users rely on: the standard library and
    /// Foundation types it spells, the modules it imports (contract tests use Testing's `@Test`, `@Suite`),
    /// and every public runtime type.
    static let reservedTypeNames = Set([
        "Any", "AnyObject", "Array", "Bool", "CaseIterable", "Character", "Codable", "Data", "Date", "Decodable",
        "Decoder", "DecodingError", "Dictionary", "Double", "Encodable", "Encoder", "Equatable", "Error", "Float",
        "Hashable", "Int", "Int32", "Int64", "Never", "Optional", "Protocol", "Result", "Self", "Sendable", "Set",
        "String", "Type", "URL", "URLSession", "UUID", "Void", "CodingKey", "CodingKeys", "Foundation",
        "KilnRuntime", "Testing", "Test", "Suite",
    ]).union(runtimeTypeNames)

    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "as", "false", "is", "nil", "super", "throws", "true", "try", "await", "async", "any",
        "some", "consume", "borrowing", "consuming", "package", "copy", "discard", "each", "actor", "nonisolated",
    ]
}
