/// A string from a config file or the command line with where it was written, so a setting that names
/// nothing in the spec is reported at its own line.
public struct LocatedText: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation

    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }

    /// Where command-line values are reported: `command line:1:<argument number>`.
    public static func argument(_ text: String, index: Int) -> LocatedText {
        LocatedText(text, at: SourceLocation(file: "command line", line: 1, column: index + 1))
    }
}
