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

    /// The text in storage of its exact size. Appending leaves up to half of the capacity unused, and a
    /// large spec holds thousands of rendered declarations at once until they are placed in files.
    var compactText: String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                buffer.initialize(fromContentsOf: bytes)
            }
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
