import Foundation
import KilnRuntime

/// The JSON samples of a source document in ../shared/seeds, read as leniently as the documents write them:
/// `//` comments, `0|1|2|...` and `0/1/2/3` alternatives (the first one is taken), `...` standing for elided
/// members or items, single-quoted strings, trailing commas and a missing `:` before an object.
struct SeedSample: CustomStringConvertible {
    var index: Int
    var text: String
    var value: JSONValue
    /// The sample elides members with a top-level `...` (the envelope fields the document leaves out).
    var elidesMembers: Bool
    var description: String { "sample \(index): " + text.prefix(60).replacingOccurrences(of: "\n", with: " ") }
}

enum SeedSamples {
    /// ../shared/seeds beside the clone, as TestPaths.corpus finds the corpus.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/seeds")

    struct Unreadable: Error, CustomStringConvertible {
        var index: Int
        var text: String
        var description: String { "sample \(index) is not JSON even after the placeholder repairs:\n\(text)" }
    }

    /// The seeds are the source documents the specs were written from: without them the samples cannot be
    /// checked, which is a failure that says so, not a pass.
    struct SeedsAbsent: Error, CustomStringConvertible {
        var path: String
        var description: String { "seeds absent: \(path) does not exist (the tests read ../shared/seeds beside the clone)" }
    }

    static func samples(inDocument name: String) throws -> [SeedSample] {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw SeedsAbsent(path: url.path) }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try blocks(in: text).enumerated().map { index, block in
            let repaired = repair(block)
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(repaired.utf8)) else {
                throw Unreadable(index: index, text: block)
            }
            return SeedSample(index: index, text: block, value: value, elidesMembers: topLevelElision(block))
        }
    }

    /// A block opens with `{` or `[` that starts its line (or follows "json", as in IServ's
    /// `Example for application/json{`) and is followed by a quote, a bracket or `...`; prose and code such as
    /// PowerShell's `if (...) { " (inherited)" }` or `string[]` do not qualify.
    static func blocks(in text: String) -> [String] {
        let characters = Array(text)
        var result: [String] = []
        var index = 0
        while index < characters.count {
            guard "{[".contains(characters[index]), opensBlock(characters, at: index),
                let end = matchingClose(characters, from: index)
            else {
                index += 1
                continue
            }
            result.append(String(characters[index...end]))
            index = end + 1
        }
        return result
    }

    private static func opensBlock(_ characters: [Character], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0, characters[before] == " " || characters[before] == "\t" { before -= 1 }
        let startsLine = before < 0 || characters[before] == "\n"
        let afterJSON = before >= 3 && String(characters[(before - 3)...before]) == "json"
        guard startsLine || afterJSON else { return false }
        var next = index + 1
        while next < characters.count, characters[next].isWhitespace { next += 1 }
        guard next < characters.count else { return false }
        return "\"{[".contains(characters[next]) || String(characters[next..<min(next + 3, characters.count)]) == "..."
    }

    private static func matchingClose(_ characters: [Character], from start: Int) -> Int? {
        var depth = 0
        var quote: Character?
        var index = start
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == "\\" { index += 1 } else if character == open { quote = nil }
            } else if character == "\"" {
                quote = character
            } else if character == "{" || character == "[" {
                depth += 1
            } else if character == "}" || character == "]" {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// Whether `...` stands for members of the outermost object (not inside a nested value).
    private static func topLevelElision(_ block: String) -> Bool {
        var depth = 0
        for (offset, character) in block.enumerated() {
            if character == "{" || character == "[" { depth += 1 }
            if character == "}" || character == "]" { depth -= 1 }
            if depth == 1, character == ".", block.dropFirst(offset).hasPrefix("...") { return true }
        }
        return false
    }

    private enum Token {
        case code(String)
        case string(String)
    }

    /// Strings (double- or single-quoted) are kept as they are; comments go; placeholders in the code between
    /// strings are repaired.
    static func repair(_ block: String) -> String {
        var tokens: [Token] = []
        var code = ""
        let characters = Array(block)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\"" || character == "'" {
                var text = ""
                index += 1
                while index < characters.count, characters[index] != character {
                    if characters[index] == "\\", index + 1 < characters.count {
                        text.append(characters[index])
                        index += 1
                    } else if characters[index] == "\"" {
                        text.append("\\")  // a double quote inside a single-quoted string
                    }
                    text.append(characters[index])
                    index += 1
                }
                tokens.append(.code(code))
                tokens.append(.string(text))
                code = ""
            } else if character == "/", index + 1 < characters.count, characters[index + 1] == "/" {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            } else {
                code.append(character)
            }
            index += 1
        }
        tokens.append(.code(code))

        var output = ""
        var previousCode = ""
        for (position, token) in tokens.enumerated() {
            switch token {
            case .string(let text):
                output += "\"\(text)\""
            case .code(var text):
                text = text.replacingOccurrences(
                    of: #"\b([\w.]+)(?:\s*[|/]\s*[\w.]+)+"#, with: "$1", options: .regularExpression)
                text = text.replacingOccurrences(of: "...", with: "")
                // `"key" {`: a key whose `:` the document forgot (PEIQ's embeds sample).
                if position > 0, case .string = tokens[position - 1], text.range(of: #"^\s+\{"#, options: .regularExpression) != nil,
                    previousCode.range(of: #"[{,]\s*$"#, options: .regularExpression) != nil
                {
                    text = ":" + text
                }
                previousCode = text
                output += text
            }
        }
        // Elisions leave stray commas: `{ , "data"`, `"a",\n}`, `[ , ]`.
        for (pattern, replacement) in [(#",\s*,"#, ","), (#"([{\[])\s*,"#, "$1"), (#",\s*([}\]])"#, "$1")] {
            var previous = ""
            while previous != output {
                previous = output
                output = output.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
            }
        }
        return output
    }
}
