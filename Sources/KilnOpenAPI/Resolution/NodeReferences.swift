import KilnDiagnostics
import KilnFileSystem
import KilnText
import KilnYAML

/// `$ref`s on the node tree, with JSON Reference semantics: the files they name are loaded once each,
/// pointers are followed through `$ref`s met on the way (as json-schema-ref-parser does), and chains are
/// followed with cycles detected. Parsing uses it where OpenAPI has no Reference Object (a whole operation,
/// a description, a map in another file): the `{$ref}` node is replaced by its target. ReferenceResolver
/// uses it for the targets of Reference Objects. Every node keeps its own file, so nested relative refs
/// resolve against the file that holds them and problems are reported there.
final class NodeReferences {
    private let diagnostics: DiagnosticCollector
    private var files: [String: YAMLNode?] = [:]
    /// Pointer hops through `$ref`s allowed in one lookup; more means a cycle the visited set missed.
    private static let maximumHops = 64
    /// Objects being parsed from a dereferenced node, innermost last; a ref that nests deeper is a cycle
    /// through places without Reference Objects, which parsing would otherwise follow forever.
    private(set) var expansionDepth = 0
    static let maximumExpansionDepth = 64

    func enterExpansion() -> Bool {
        expansionDepth += 1
        return expansionDepth <= Self.maximumExpansionDepth
    }

    func leaveExpansion() { expansionDepth -= 1 }

    init(mainFile: String, root: YAMLNode, diagnostics: DiagnosticCollector) {
        self.diagnostics = diagnostics
        files[Self.normalize(mainFile)] = root
    }

    /// A `$ref` split into the file it names (normalized, relative to the file holding it) and its pointer.
    struct Target: Hashable {
        var file: String
        var segments: [String]
        var key: String { file + "#/" + segments.map(JSONPointer.escape).joined(separator: "/") }
    }

    /// Splits `text` and checks its form; problems are reported at `location`.
    func parse(
        _ text: String, at location: SourceLocation, expecting what: String, section: String = "schemas"
    ) -> Target? {
        if text.contains("://") && !text.hasPrefix("file://") {
            diagnostics.error(
                "$ref '\(text)' points to a remote document; Kiln resolves only files next to the spec", at: location)
            return nil
        }
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let filePart = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        guard let segments = JSONPointer.segments(fragment) else {
            diagnostics.error(
                "ill-formed $ref '\(text)': the part after '#' must be a JSON pointer starting with '/', "
                    + "such as '#/components/\(section)/Name'",
                at: location)
            return nil
        }
        let holder = Self.normalize(location.file)
        if filePart.isEmpty && segments.isEmpty {
            diagnostics.error("$ref '\(text)' points to the whole document, expected \(what)", at: location)
            return nil
        }
        let file = filePart.isEmpty ? holder : Self.normalize(Self.relative(filePart, to: holder))
        return Target(file: file, segments: segments)
    }

    /// The root of `file`, loaded on first use. A missing or broken file is reported once per ref.
    func root(of file: String, ref text: String, at location: SourceLocation) -> YAMLNode? {
        if let cached = files[file] {
            if cached == nil { reportUnloadable(file, ref: text, at: location) }
            return cached
        }
        guard FileSystem.exists(file) else {
            diagnostics.error("$ref '\(text)': there is no file '\(Self.filePart(of: text))'", at: location)
            files[file] = .some(nil)
            return nil
        }
        // Problems inside the referenced file are its own and are located there.
        let loaded = YAMLLoader.load(file: file, diagnostics: diagnostics)
        files[file] = .some(loaded)
        if loaded == nil { reportUnloadable(file, ref: text, at: location) }
        return loaded
    }

    private func reportUnloadable(_ file: String, ref text: String, at location: SourceLocation) {
        guard FileSystem.exists(file) else { return }
        diagnostics.error(
            "$ref '\(text)': '\(Self.filePart(of: text))' could not be loaded (see its errors)", at: location)
    }

    /// The node `target` designates. A `$ref` met before the pointer's end is followed, and the rest of
    /// the pointer continues inside its target.
    func node(at target: Target, ref text: String, at location: SourceLocation) -> YAMLNode? {
        guard var node = root(of: target.file, ref: text, at: location) else { return nil }
        var hops = 0
        for (index, segment) in target.segments.enumerated() {
            // A field beside the `$ref` wins; otherwise the pointer continues inside the ref's target.
            while node[segment] == nil, let through = Self.refText(of: node) {
                hops += 1
                guard hops <= Self.maximumHops,
                    let next = self.target(of: through, at: node["$ref"]?.location ?? node.location)
                else {
                    if hops > Self.maximumHops {
                        diagnostics.error("$ref '\(text)' passes through a circular chain of $refs", at: location)
                    }
                    return nil
                }
                node = next.node
            }
            let child: YAMLNode?
            switch node.content {
            case .mapping: child = node[segment]
            case .sequence(let items): child = Int(segment).flatMap { items.indices.contains($0) ? items[$0] : nil }
            case .scalar: child = nil
            }
            guard let child else {
                let found = "/" + target.segments[..<index].map(JSONPointer.escape).joined(separator: "/")
                let inFile = target.file == Self.normalize(location.file) ? "" : " in '\(Self.filePart(of: text))'"
                diagnostics.error(
                    "$ref '\(text)' points to nothing: '\(segment)' not found under '\(index == 0 ? "/" : found)'\(inFile)",
                    at: location)
                return nil
            }
            node = child
        }
        return node
    }

    /// Resolves one ref text fully, following a chain of refs at its target too.
    func target(of text: String, at location: SourceLocation) -> (node: YAMLNode, target: Target)? {
        var visited = Set<String>()
        var text = text
        var location = location
        while true {
            guard let target = parse(text, at: location, expecting: "an object"),
                let node = node(at: target, ref: text, at: location)
            else { return nil }
            guard visited.insert(target.key).inserted else {
                diagnostics.error("$ref '\(text)' is circular: following it leads back to itself", at: location)
                return nil
            }
            guard let next = Self.refText(of: node) else { return (node, target) }
            text = next
            location = node["$ref"]?.location ?? node.location
        }
    }

    /// For places where OpenAPI has no Reference Object: `{$ref: X}` becomes X's target. Sibling keys are
    /// merged over the target where 3.1 allows it, and ignored with a warning in 3.0.
    func dereference(_ node: YAMLNode, version: OpenAPIDocument.Version) -> YAMLNode? {
        guard let text = Self.refText(of: node), let refNode = node["$ref"] else { return node }
        guard let (target, _) = target(of: text, at: refNode.location) else { return nil }
        let siblings = (node.mapping ?? []).filter { $0.key.scalar?.text != "$ref" }
        guard !siblings.isEmpty else { return target }
        guard version != .v3_0, case .mapping(let targetPairs) = target.content else {
            diagnostics.warning(
                "the fields beside this $ref are ignored: in OpenAPI 3.0 a $ref replaces its whole object",
                at: siblings[0].key.location)
            return target
        }
        let overridden = Set(siblings.compactMap { $0.key.scalar?.text })
        let merged = targetPairs.filter { !overridden.contains($0.key.scalar?.text ?? "") } + siblings
        return YAMLNode(.mapping(merged), at: target.location)
    }

    /// The text of a mapping's `$ref` field when it is a string.
    static func refText(of node: YAMLNode) -> String? {
        guard let refNode = node["$ref"], let scalar = refNode.scalar, scalar.resolved != .null else { return nil }
        return scalar.text
    }

    static func filePart(of text: String) -> String {
        String(text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    static func relative(_ path: String, to base: String) -> String {
        let path = path.hasPrefix("file://") ? String(path.dropFirst("file://".count)) : path
        return FilePaths.join(FilePaths.directory(of: base), path)
    }

    /// Resolves `.` and `..` so two spellings of one file share one cache entry.
    static func normalize(_ path: String) -> String {
        FilePaths.normalized(path.percentDecoded ?? path)
    }
}
