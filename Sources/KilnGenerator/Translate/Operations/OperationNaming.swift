import KilnOpenAPI

/// Names of client groups and methods: `iserv.groups.list()` from tag `groups` and operationId
/// `listGroups`, by dropping the tag's words from the operationId when something meaningful remains.
enum OperationNaming {
    static func methodName(operation: Operation, method: HTTPMethodName, path: String, tag: String?) -> String {
        if let custom = operation.extensions["x-kiln-name"]?.scalar?.text { return SwiftNaming.memberName(custom) }
        let base = operation.operationId ?? derivedName(method: method, path: path)
        guard let tag else { return SwiftNaming.memberName(base) }
        return SwiftNaming.memberName(stripping(tag: tag, from: base))
    }

    /// operationId without the tag's words (`listGroups` in `groups` -> `list`, `addGroupUsers` -> `addUsers`).
    static func stripping(tag: String, from operationID: String) -> String {
        let words = SwiftNaming.words(operationID)
        let tagWords = SwiftNaming.words(tag).map { $0.lowercased() }
        guard !tagWords.isEmpty, words.count > tagWords.count else { return operationID }
        var singular = tagWords
        if let last = singular.last, last.count > 3, last.hasSuffix("s") {
            singular[singular.count - 1] = last.hasSuffix("ies") ? String(last.dropLast(3)) + "y" : String(last.dropLast())
        }
        let lowered = words.map { $0.lowercased() }
        for candidate in [tagWords, singular] {
            for start in 1...(words.count - candidate.count) where Array(lowered[start..<(start + candidate.count)]) == candidate {
                let remaining = Array(words[..<start]) + Array(words[(start + candidate.count)...])
                return remaining.joined(separator: "_")
            }
        }
        return operationID
    }

    /// `GET /pets/{id}/toys` -> `getPetsByIdToys`, for operations without an operationId.
    static func derivedName(method: HTTPMethodName, path: String) -> String {
        var parts = [method.rawValue.lowercased()]
        for segment in path.split(separator: "/") {
            if segment.hasPrefix("{") && segment.hasSuffix("}") {
                parts.append("by_" + segment.dropFirst().dropLast())
            } else {
                parts.append(String(segment))
            }
        }
        return parts.joined(separator: "_")
    }
}
