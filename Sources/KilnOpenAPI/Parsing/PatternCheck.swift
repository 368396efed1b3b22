/// Whether `pattern` values compile as regular expressions, remembered per text: large specs repeat a
/// few patterns hundreds of times (twilio_api_v2010: 617 uses of 39), and compiling one is not cheap.
final class PatternCheck {
    private var validity: [String: Bool] = [:]

    func isValid(_ pattern: String) -> Bool {
        if let known = validity[pattern] { return known }
        let valid = (try? Regex(pattern)) != nil
        validity[pattern] = valid
        return valid
    }
}
