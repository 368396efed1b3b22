/// Function bodies as a tree of lines and blocks: translation writes the code of each line, the
/// renderer owns indentation and braces, so no formatter has to repair the output afterwards.
public indirect enum Statement: Sendable {
    /// One line of code.
    case line(String)
    /// `header {`, the nested statements one level deeper, then `footer` (usually `}`).
    case block(String, [Statement], footer: String = "}")
    /// `switch subject {` with `case ...:` labels at the switch's own depth, as Swift style has it.
    case `switch`(String, [SwitchCase])
    /// An opening line written out in full (a trailing closure: `run { server in`), the nested statements
    /// one level deeper, then the closing line.
    case opened(String, [Statement], closing: String)
    case blank
}

public struct SwitchCase: Sendable {
    /// `case .a, .b` or `default`, without the colon.
    public var label: String
    public var body: [Statement]

    public init(_ label: String, _ body: [Statement]) {
        self.label = label
        self.body = body
    }
}
