import Foundation
import KilnRuntime

/// A parameter, form body or multipart form as text, before it is typed: what a style's delimiters
/// split it into. `TextNodeDecoder` reads the generated types from it through their `Decodable`.
indirect enum TextNode: Sendable, Equatable {
    case text(String)
    case list([TextNode])
    /// Fields in the order sent; a repeated name is one field holding a `list`.
    case object([Field])
    case null

    struct Field: Sendable, Equatable {
        var name: String
        var value: TextNode
    }

    /// Pairs grouped by name, first appearance first: `a=1&b=2&a=3` is `a: [1, 3], b: 2`. A name like
    /// `filter[name]` (deepObject, multipart) nests.
    static func object(pairs: [(name: String, value: TextNode)]) -> TextNode {
        var fields: [Field] = []
        for (name, value) in pairs {
            var key = name
            var nested: TextNode = value
            if let open = name.firstIndex(of: "["), name.hasSuffix("]"), open != name.startIndex {
                key = String(name[..<open])
                let inner = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
                nested = .object(pairs: [(inner, value)])
            }
            if let index = fields.firstIndex(where: { $0.name == key }) {
                fields[index].value = fields[index].value.merged(with: nested)
            } else {
                fields.append(Field(name: key, value: nested))
            }
        }
        return .object(fields)
    }

    private func merged(with other: TextNode) -> TextNode {
        switch (self, other) {
        case (.object(let left), .object(let right)):
            return .object(pairs: left.map { ($0.name, $0.value) } + right.map { ($0.name, $0.value) })
        case (.list(let items), _): return .list(items + [other])
        default: return .list([self, other])
        }
    }

    /// JSON text as a node, for structured values sent as JSON inside a text field.
    init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .array(let items): self = .list(items.map(TextNode.init(json:)))
        case .object(let fields):
            self = .object(fields.keys.sorted().map { Field(name: $0, value: TextNode(json: fields[$0]!)) })
        case .bool(let value): self = .text(value ? "true" : "false")
        case .integer(let value): self = .text(String(value))
        case .double(let value): self = .text(String(value))
        case .string(let value): self = .text(value)
        }
    }

    /// Text that reads as a JSON object or array, parsed; else nil.
    var parsedJSON: TextNode? {
        guard case .text(let text) = self, let first = text.first, first == "{" || first == "[",
            let json = try? JSONCoding.makeDecoder().decode(JSONValue.self, from: Data(text.utf8))
        else { return nil }
        return TextNode(json: json)
    }
}
