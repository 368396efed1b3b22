/// The syntax of an ECMA-262 regular expression as `new RegExp(pattern)` reads it (no flags, so with the
/// web-compatibility grammar of Annex B), which is the dialect OpenAPI and JSON Schema name for `pattern`.
/// It checks syntax only: Kiln never matches patterns, and Swift's `Regex` both rejects ECMA patterns
/// (`[^]`) and accepts what ECMA rejects (`a++`, `(?i)`).
///
/// Like non-unicode ECMA, it reads UTF-16 code units.
struct ECMAPatternSyntax {
    /// Why the pattern is invalid and at which UTF-16 offset, or nil when it is valid.
    struct Failure: Equatable {
        enum Kind: Equatable {
            /// ECMA-262 rejects the pattern.
            case syntax
            /// Kiln stopped reading at `maximumDepth`: the pattern may be valid.
            case nestingLimit
        }

        var reason: String
        var offset: Int
        var kind = Kind.syntax
    }

    private let units: [UInt16]
    private var index = 0
    private let hasNamedGroups: Bool
    /// Groups are read recursively: a limit keeps a hostile pattern from exhausting the stack.
    private var depth = 0
    static let maximumDepth = 500

    static func failure(in pattern: String) -> Failure? {
        var parser = ECMAPatternSyntax(Array(pattern.utf16))
        return parser.disjunction(closedBy: nil)
    }

    private init(_ units: [UInt16]) {
        self.units = units
        // With a named group anywhere, `\k` must name one (ECMA-262 B.1.2, [N] parameter).
        hasNamedGroups = Self.containsNamedGroup(units)
    }

    private var current: UInt16? { index < units.count ? units[index] : nil }

    private func unit(at offset: Int) -> UInt16? { offset < units.count ? units[offset] : nil }

    private static func ascii(_ character: Unicode.Scalar) -> UInt16 { UInt16(character.value) }

    private static func isDigit(_ unit: UInt16) -> Bool { (ascii("0")...ascii("9")).contains(unit) }

    /// `*`, `+` or `?`: the quantifiers of one character.
    private static func isQuantifierMark(_ unit: UInt16) -> Bool {
        unit == ascii("*") || unit == ascii("+") || unit == ascii("?")
    }

    private func fail(_ reason: String, at offset: Int? = nil) -> Failure {
        Failure(reason: reason, offset: offset ?? index)
    }

    // MARK: Disjunction, alternatives and terms

    /// Reads alternatives up to the end, or up to the `)` that closes the group opened at `groupStart`.
    private mutating func disjunction(closedBy groupStart: Int?) -> Failure? {
        while let unit = current {
            switch unit {
            case Self.ascii("|"):
                index += 1
            case Self.ascii(")"):
                guard groupStart != nil else { return fail("')' closes no group") }
                index += 1
                return nil
            default:
                if let failure = term() { return failure }
            }
        }
        if let groupStart { return fail("the group opened here is never closed", at: groupStart) }
        return nil
    }

    private mutating func term() -> Failure? {
        switch units[index] {
        case Self.ascii("^"), Self.ascii("$"):
            index += 1
            return quantifierAfterAssertion()
        case Self.ascii("\\") where unit(at: index + 1) == Self.ascii("b") || unit(at: index + 1) == Self.ascii("B"):
            index += 2
            return quantifierAfterAssertion()
        case Self.ascii("("):
            return group()
        case Self.ascii("["):
            if let failure = characterClass() { return failure }
        case Self.ascii("\\"):
            if let failure = atomEscape() { return failure }
        case Self.ascii("*"), Self.ascii("+"), Self.ascii("?"):
            return fail("a quantifier with nothing to repeat")
        case Self.ascii("{"):
            if bracedQuantifier(at: index) != nil { return fail("a quantifier with nothing to repeat") }
            index += 1  // Annex B: a `{` that starts no quantifier is itself
        default:
            index += 1  // `.`, a literal, and (Annex B) a lone `]` or `}`
        }
        return quantifier()
    }

    private func quantifierAfterAssertion() -> Failure? {
        if isQuantifier(at: index) { return fail("an assertion cannot be repeated") }
        return nil
    }

    // MARK: Quantifiers

    /// The end offset of `{n}`, `{n,}` or `{n,m}` at `offset`, or nil when no braced quantifier starts there.
    private func bracedQuantifier(at offset: Int) -> (end: Int, minimum: [UInt16], maximum: [UInt16]?)? {
        guard unit(at: offset) == Self.ascii("{") else { return nil }
        var position = offset + 1
        func digits() -> [UInt16] {
            let first = position
            while let unit = unit(at: position), Self.isDigit(unit) { position += 1 }
            return Array(units[first..<position])
        }
        let minimum = digits()
        guard !minimum.isEmpty else { return nil }
        var maximum: [UInt16]?
        if unit(at: position) == Self.ascii(",") {
            position += 1
            maximum = digits()
        } else {
            maximum = minimum
        }
        guard unit(at: position) == Self.ascii("}") else { return nil }
        return (position + 1, minimum, maximum.flatMap { $0.isEmpty ? nil : $0 })
    }

    private func isQuantifier(at offset: Int) -> Bool {
        guard let unit = unit(at: offset) else { return false }
        return Self.isQuantifierMark(unit) || bracedQuantifier(at: offset) != nil
    }

    /// An optional quantifier after an atom, and its lazy `?`; a second quantifier is an error.
    private mutating func quantifier() -> Failure? {
        guard let unit = current else { return nil }
        if Self.isQuantifierMark(unit) {
            index += 1
        } else if let braced = bracedQuantifier(at: index) {
            if let maximum = braced.maximum, Self.compare(braced.minimum, maximum) == .greater {
                return fail("the quantifier's minimum is larger than its maximum")
            }
            index = braced.end
        } else {
            return nil
        }
        if current == Self.ascii("?") { index += 1 }
        if isQuantifier(at: index) { return fail("a quantifier with nothing to repeat") }
        return nil
    }

    private enum Order { case less, equal, greater }

    /// Compares two decimal numerals of any length.
    private static func compare(_ left: [UInt16], _ right: [UInt16]) -> Order {
        let left = Array(left.drop { $0 == ascii("0") }), right = Array(right.drop { $0 == ascii("0") })
        if left.count != right.count { return left.count < right.count ? .less : .greater }
        for (a, b) in zip(left, right) where a != b { return a < b ? .less : .greater }
        return .equal
    }

    // MARK: Groups

    private mutating func group() -> Failure? {
        let start = index
        guard depth < Self.maximumDepth else {
            return Failure(reason: "groups nest more than \(Self.maximumDepth) deep", offset: index, kind: .nestingLimit)
        }
        depth += 1
        defer { depth -= 1 }
        index += 1
        if current == Self.ascii("?") {
            index += 1
            switch current {
            case Self.ascii(":"):
                index += 1
            case Self.ascii("="), Self.ascii("!"):
                index += 1  // a lookahead; Annex B lets it be repeated as any other atom
            case Self.ascii("<") where unit(at: index + 1) == Self.ascii("=") || unit(at: index + 1) == Self.ascii("!"):
                index += 2
                if let failure = disjunction(closedBy: start) { return failure }
                return quantifierAfterAssertion()
            case Self.ascii("<"):
                index += 1
                // Names may repeat in different alternatives (ECMA-262 2025): not checked.
                guard groupName() else { return fail("a group name must be an identifier ending in '>'") }
            default:
                if let failure = modifiers() { return failure }
            }
        }
        if let failure = disjunction(closedBy: start) { return failure }
        return quantifier()
    }

    /// `(?ims-ims:` (ECMA-262 2025): each flag once, at least one, and nothing else before the `:`.
    private mutating func modifiers() -> Failure? {
        let unknownGroup = "'(?' starts no known group: expected ':', '=', '!', '<', or flags i, m, s before ':'"
        var seen: Set<UInt16> = []
        var count = 0
        while let unit = current, unit != Self.ascii(":") {
            if unit == Self.ascii("-"), !seen.contains(unit) {
                seen.insert(unit)
            } else if [Self.ascii("i"), Self.ascii("m"), Self.ascii("s")].contains(unit), !seen.contains(unit) {
                seen.insert(unit)
                count += 1
            } else {
                return fail(unknownGroup)
            }
            index += 1
        }
        guard current == Self.ascii(":"), count > 0 else { return fail(unknownGroup) }
        index += 1
        return nil
    }

    /// Reads an identifier up to `>` (ASCII letters, digits, `$` and `_`, or any non-ASCII unit) and the `>`.
    private mutating func groupName() -> Bool {
        let start = index
        while let unit = current, unit != Self.ascii(">") {
            guard Self.isIdentifierUnit(unit, first: index == start) else { return false }
            index += 1
        }
        guard current == Self.ascii(">"), index > start else { return false }
        index += 1
        return true
    }

    private static func isIdentifierUnit(_ unit: UInt16, first: Bool) -> Bool {
        if unit >= 0x80 { return true }
        if unit == ascii("$") || unit == ascii("_") { return true }
        if (ascii("a")...ascii("z")).contains(unit) || (ascii("A")...ascii("Z")).contains(unit) { return true }
        return !first && isDigit(unit)
    }

    private static func containsNamedGroup(_ units: [UInt16]) -> Bool {
        var offset = 0
        var inClass = false
        while offset < units.count {
            let unit = units[offset]
            if unit == ascii("\\") {
                offset += 2
                continue
            }
            if inClass {
                if unit == ascii("]") { inClass = false }
            } else if unit == ascii("[") {
                inClass = true
            } else if unit == ascii("("), offset + 3 < units.count, units[offset + 1] == ascii("?"),
                units[offset + 2] == ascii("<"), units[offset + 3] != ascii("="), units[offset + 3] != ascii("!")
            {
                return true
            }
            offset += 1
        }
        return false
    }

    // MARK: Escapes

    private mutating func atomEscape() -> Failure? {
        let start = index
        index += 1
        guard let unit = current else { return fail("the pattern ends in a lone '\\'", at: start) }
        index += 1
        if unit == Self.ascii("k"), hasNamedGroups {
            guard current == Self.ascii("<") else { return fail("'\\k' must name a group as '\\k<name>'", at: start) }
            index += 1
            guard groupName() else { return fail("'\\k' must name a group as '\\k<name>'", at: start) }
        }
        // Everything else is valid without the u flag: Annex B reads a malformed `\u`, `\x` or `\c` as
        // literal characters, a number as a back reference or an octal escape, any other as itself.
        return nil
    }

    // MARK: Character classes

    private mutating func characterClass() -> Failure? {
        let start = index
        index += 1
        if current == Self.ascii("^") { index += 1 }
        while current != nil, current != Self.ascii("]") {
            let lowerStart = index
            let lower = classAtom()
            guard current == Self.ascii("-"), let next = self.unit(at: index + 1), next != Self.ascii("]") else {
                continue
            }
            index += 1
            let upper = classAtom()
            // Annex B allows a set such as `\d` at either end and reads the `-` literally then.
            if let lower, let upper, lower > upper {
                return fail("the range's start is after its end", at: lowerStart)
            }
        }
        guard current == Self.ascii("]") else { return fail("the character class opened here is never closed", at: start) }
        index += 1
        return nil
    }

    /// One class member; returns its code unit, or nil for a set (`\d`, `\w`, `\s` and their negations).
    private mutating func classAtom() -> UInt16? {
        let unit = units[index]
        index += 1
        guard unit == Self.ascii("\\"), let escaped = current else { return unit }
        index += 1
        switch escaped {
        case Self.ascii("d"), Self.ascii("D"), Self.ascii("w"), Self.ascii("W"), Self.ascii("s"), Self.ascii("S"):
            return nil
        case Self.ascii("b"): return 0x08
        case Self.ascii("t"): return 0x09
        case Self.ascii("n"): return 0x0A
        case Self.ascii("v"): return 0x0B
        case Self.ascii("f"): return 0x0C
        case Self.ascii("r"): return 0x0D
        case Self.ascii("c"):
            // Annex B also takes a digit or `_` after `\c` in a class.
            if let letter = current, Self.isClassControlLetter(letter) {
                index += 1
                return letter % 32
            }
            index -= 1
            return Self.ascii("\\")
        case Self.ascii("x"):
            return hexValue(digits: 2) ?? Self.ascii("x")
        case Self.ascii("u"):
            return hexValue(digits: 4) ?? Self.ascii("u")
        case Self.ascii("0")...Self.ascii("7"):
            return octalValue(first: escaped)
        default:
            return escaped
        }
    }

    private static func isClassControlLetter(_ unit: UInt16) -> Bool {
        (ascii("a")...ascii("z")).contains(unit) || (ascii("A")...ascii("Z")).contains(unit) || isDigit(unit)
            || unit == ascii("_")
    }

    /// The value of exactly `digits` hex digits at the current offset, consumed; nil (nothing consumed) otherwise.
    private mutating func hexValue(digits: Int) -> UInt16? {
        guard index + digits <= units.count else { return nil }
        var value: UInt16 = 0
        for unit in units[index..<index + digits] {
            guard let digit = Self.hexDigit(unit) else { return nil }
            value = value * 16 + digit
        }
        index += digits
        return value
    }

    private static func hexDigit(_ unit: UInt16) -> UInt16? {
        switch unit {
        case ascii("0")...ascii("9"): unit - ascii("0")
        case ascii("a")...ascii("f"): unit - ascii("a") + 10
        case ascii("A")...ascii("F"): unit - ascii("A") + 10
        default: nil
        }
    }

    /// A legacy octal escape whose first digit is consumed: up to three digits, at most 0o377.
    private mutating func octalValue(first: UInt16) -> UInt16 {
        var value = first - Self.ascii("0")
        var length = 1
        while length < 3, let unit = current, (Self.ascii("0")...Self.ascii("7")).contains(unit),
            value * 8 + (unit - Self.ascii("0")) <= 0o377
        {
            value = value * 8 + (unit - Self.ascii("0"))
            index += 1
            length += 1
        }
        return value
    }
}
