import KilnDiagnostics
import KilnText

/// A JSON pointer from `nameOverrides` or `typeOverrides` (`#/components/schemas/User/properties/id`),
/// split into segments. A pointer that does not lead to an object is an error at its line that names the
/// first segment that matches nothing and the nearest segments that exist.
struct OverridePointer {
    let entry: LocatedText
    let segments: [String]

    /// nil (with an error) when the text is not a `#/...` pointer.
    init?(_ entry: LocatedText, diagnostics: DiagnosticCollector) {
        self.entry = entry
        guard entry.text.hasPrefix("#/"), let segments = JSONPointer.segments(String(entry.text.dropFirst())) else {
            diagnostics.error(
                "'\(entry.text)' is not a JSON pointer into the spec; write '#/components/schemas/Name', "
                    + "'#/paths/~1users/get' or a property or parameter below them",
                at: entry.location)
            return nil
        }
        self.segments = segments
    }

    /// The canonical spelling of the first `count` segments, for messages and overlap checks.
    func prefix(_ count: Int) -> String {
        "#/" + segments.prefix(count).map(JSONPointer.escape).joined(separator: "/")
    }

    /// Reports that segment `index` exists nowhere below what precedes it.
    func missing(at index: Int, among candidates: some Sequence<String>, diagnostics: DiagnosticCollector) {
        let segment = index < segments.count ? segments[index] : ""
        let place = index == 0 ? "the spec" : "'\(prefix(index))'"
        let what = index < segments.count ? "has no '\(segment)'" : "is not something Kiln names"
        diagnostics.error(
            "'\(entry.text)' names nothing: \(place) \(what)" + NearestNames.hint(for: segment, among: candidates),
            at: entry.location)
    }
}
