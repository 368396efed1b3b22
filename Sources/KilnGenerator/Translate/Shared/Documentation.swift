import KilnText
/// Doc comments from a spec's summaries and descriptions, plus the provenance line that says which part
/// of the spec a declaration came from.
enum Documentation {
    static func lines(summary: String? = nil, description: String? = nil, provenance: String? = nil) -> [String] {
        var result: [String] = []
        let summaryLines = clean(summary)
        if let summaryLines { result += summaryLines }
        if let description = clean(description), description != summaryLines {
            if !result.isEmpty { result.append("") }
            result += description
        }
        if let provenance {
            if !result.isEmpty { result.append("") }
            result.append("- Spec: `\(provenance)`")
        }
        return result
    }

    /// Text for a one-line slot such as a parameter's description.
    static func oneLine(_ text: String) -> String {
        text.lines.map(\.trimmingSpaces)
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Lines of a description, trimmed, with runs of blank lines collapsed; nil when there is nothing.
    private static func clean(_ text: String?) -> [String]? {
        guard let text else { return nil }
        var lines: [String] = []
        for raw in text.lines {
            let line = raw.trimmingSpaces
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.isEmpty ? nil : lines
    }
}

