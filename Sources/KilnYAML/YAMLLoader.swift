import CYAML
import KilnDiagnostics
import KilnFileSystem

/// Parses YAML 1.2 / JSON text with the system libyaml into located `YAMLNode`s.
/// Problems become diagnostics; the loader never traps on bad input.
public enum YAMLLoader {
    /// Parses the single document in `bytes`. Returns nil, with diagnostics reported, when there is none.
    public static func parse(
        _ bytes: [UInt8],
        file: String,
        limits: YAMLLimits = YAMLLimits(),
        diagnostics: DiagnosticCollector
    ) -> YAMLNode? {
        guard !bytes.isEmpty else {
            diagnostics.error("the file is empty; expected an OpenAPI document", at: .start(of: file))
            return nil
        }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            diagnostics.error("could not initialize the YAML parser (out of memory)", at: .start(of: file))
            return nil
        }
        defer { yaml_parser_delete(parser) }

        let isJSON = JSONSurrogates.isJSON(bytes)
        let input = isJSON ? JSONSurrogates.rewritingPairs(bytes) ?? bytes : bytes
        return input.withUnsafeBufferPointer { buffer -> YAMLNode? in
            // libyaml reads from the buffer for the parser's lifetime, which ends inside this closure.
            guard let start = buffer.baseAddress else { return nil }
            yaml_parser_set_input_string(parser, start, buffer.count)
            var builder = YAMLTreeBuilder(file: file, limits: limits, diagnostics: diagnostics)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    reportSyntaxError(
                        parser.pointee, in: buffer, file: file, language: isJSON ? "JSON" : "YAML",
                        diagnostics: diagnostics)
                    return nil
                }
                let step = builder.consume(event)
                yaml_event_delete(&event)
                switch step {
                case .continue: continue
                case .finished: return builder.root
                case .failed: return nil
                }
            }
        }
    }

    /// Reads and parses a file; a missing file, a directory or unreadable bytes become located errors.
    public static func load(
        file path: String,
        limits: YAMLLimits = YAMLLimits(),
        diagnostics: DiagnosticCollector
    ) -> YAMLNode? {
        switch FileSystem.kind(of: path) {
        case nil:
            diagnostics.error("no such file", at: .start(of: path))
            return nil
        case .directory:
            diagnostics.error("is a directory, expected a YAML or JSON file", at: .start(of: path))
            return nil
        default:
            break
        }
        guard let data = try? FileSystem.contents(of: path) else {
            diagnostics.error("could not read the file", at: .start(of: path))
            return nil
        }
        return parse(data, file: path, limits: limits, diagnostics: diagnostics)
    }

    private static func reportSyntaxError(
        _ parser: yaml_parser_t,
        in buffer: UnsafeBufferPointer<UInt8>,
        file: String,
        language: String,
        diagnostics: DiagnosticCollector
    ) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        // libyaml parses JSON as YAML, but a JSON author should not be told their file is YAML.
        var message = "malformed \(language): \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextMark = parser.context_mark
            message += " (\(context) at line \(contextMark.line + 1), column \(contextMark.column + 1))"
        }
        // libyaml's marks are 0-based; reader errors (bad encoding) carry only a byte offset.
        let mark = parser.problem_mark
        let location =
            parser.error == YAML_READER_ERROR
            ? location(ofByteOffset: parser.problem_offset, in: buffer, file: file)
            : SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1)
        diagnostics.error(message, at: location)
    }

    private static func location(
        ofByteOffset offset: Int,
        in buffer: UnsafeBufferPointer<UInt8>,
        file: String
    ) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in buffer.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
