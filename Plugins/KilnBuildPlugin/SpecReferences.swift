import Foundation

/// The files a spec pulls in through `$ref`, found by a text scan: the build plugin must list them as
/// inputs, and linking a YAML parser into the plugin would cost every build that applies it.
/// A scan can over-report (a `$ref` inside an example); that only adds an input.
enum SpecReferences {
    /// Every existing file reachable from `spec` through `$ref`s with a file part, relative to the
    /// referring file; the spec itself is not included.
    static func files(reachableFrom spec: URL) -> [URL] {
        var seen: Set<String> = [spec.standardizedFileURL.path]
        var pending = [spec.standardizedFileURL]
        var found: [URL] = []
        while let file = pending.popLast() {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for value in refValues(in: text) {
                let filePart = String(value.prefix { $0 != "#" })
                guard !filePart.isEmpty, !filePart.contains("://") else { continue }
                let path = filePart.removingPercentEncoding ?? filePart
                let url = URL(fileURLWithPath: path, relativeTo: file.deletingLastPathComponent()).standardizedFileURL
                // A missing file is left to kiln, which reports it at the `$ref` line.
                guard FileManager.default.fileExists(atPath: url.path), seen.insert(url.path).inserted else { continue }
                found.append(url)
                pending.append(url)
            }
        }
        return found
    }

    /// The values of `$ref` keys in YAML (block or flow, any quoting) and JSON text.
    static func refValues(in text: String) -> [String] {
        var values: [String] = []
        var searchStart = text.startIndex
        while let key = text.range(of: "$ref", range: searchStart..<text.endIndex) {
            searchStart = key.upperBound
            var index = key.upperBound
            func skip(_ characters: Set<Character>) {
                while index < text.endIndex, characters.contains(text[index]) { index = text.index(after: index) }
            }
            skip(["\"", "'"])
            skip([" ", "\t"])
            guard index < text.endIndex, text[index] == ":" else { continue }
            index = text.index(after: index)
            skip([" ", "\t"])
            let quote = index < text.endIndex && (text[index] == "\"" || text[index] == "'") ? text[index] : nil
            if quote != nil { index = text.index(after: index) }
            let start = index
            while index < text.endIndex {
                let character = text[index]
                let ends = quote.map { character == $0 } ?? (character.isWhitespace || ",}]".contains(character))
                if ends { break }
                index = text.index(after: index)
            }
            values.append(String(text[start..<index]))
        }
        return values
    }
}
