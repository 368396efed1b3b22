/// Accumulates text with the current indentation, in the manner of swift-protobuf's CodePrinter.
struct CodePrinter {
    private(set) var text = ""
    private var indentation = ""
    private let unit = "    "

    mutating func line(_ content: String) {
        if content.isEmpty {
            text += "\n"
        } else {
            text += indentation
            text += content
            text += "\n"
        }
    }

    mutating func blank() {
        text += "\n"
    }

    mutating func indent() {
        indentation += unit
    }

    mutating func outdent() {
        indentation.removeLast(unit.count)
    }

    mutating func indented(_ body: (inout CodePrinter) -> Void) {
        indent()
        body(&self)
        outdent()
    }
}
