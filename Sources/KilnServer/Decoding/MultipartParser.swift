import Foundation

/// One part of a `multipart/form-data` body as received: what a contract test compares exactly.
public struct MultipartPart: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var filename: String?
    public var contentType: String?
    public var body: Data

    public init(name: String, filename: String? = nil, contentType: String? = nil, body: Data) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.body = body
    }

    public var description: String {
        let file = filename.map { ", filename \"\($0)\"" } ?? ""
        let type = contentType.map { ", \($0)" } ?? ""
        return "part \"\(name)\"\(file)\(type): \(String(decoding: body, as: UTF8.self).debugDescription)"
    }
}

/// Splits a `multipart/form-data` body into its parts (RFC 7578): what the server decodes and what
/// contract tests compare.
public enum MultipartParser {
    /// The boundary a `Content-Type` header names, without quotes.
    public static func boundary(_ contentType: String) -> String? {
        contentType.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
            .first(where: { $0.lowercased().hasPrefix("boundary=") })
            .map { String($0.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    }

    /// The parts in order, or nil when `body` is not multipart with `boundary`.
    public static func parts(_ body: Data, boundary: String) -> [MultipartPart]? {
        let delimiter = Data("--\(boundary)".utf8)
        guard var cursor = body.range(of: delimiter)?.upperBound else { return nil }
        var parts: [MultipartPart] = []
        while true {
            if body[cursor...].starts(with: Data("--".utf8)) { return parts }
            guard body[cursor...].starts(with: Data("\r\n".utf8)),
                let headerEnd = body.range(of: Data("\r\n\r\n".utf8), in: cursor..<body.endIndex),
                let next = body.range(of: Data("\r\n".utf8) + delimiter, in: headerEnd.upperBound..<body.endIndex)
            else { return nil }
            let headers = String(decoding: body[(cursor + 2)..<headerEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            guard let part = part(headers: headers, body: Data(body[headerEnd.upperBound..<next.lowerBound])) else { return nil }
            parts.append(part)
            cursor = next.upperBound
        }
    }

    private static func part(headers: [String], body: Data) -> MultipartPart? {
        var name: String?
        var filename: String?
        var contentType: String?
        for header in headers {
            let pair = header.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { return nil }
            switch pair[0].lowercased() {
            case "content-type": contentType = pair[1]
            case "content-disposition":
                for parameter in pair[1].split(separator: ";").dropFirst() {
                    let field = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                    guard field.count == 2 else { continue }
                    let value = field[1].hasPrefix("\"") && field[1].hasSuffix("\"") && field[1].count >= 2
                        ? String(field[1].dropFirst().dropLast()) : field[1]
                    if field[0] == "name" { name = value } else if field[0] == "filename" { filename = value }
                }
            default: continue
            }
        }
        return name.map { MultipartPart(name: $0, filename: filename, contentType: contentType, body: body) }
    }
}

extension MultipartPart {
    /// Sent as `application/json` (a structured field).
    var isJSON: Bool {
        contentType.map { $0.lowercased().hasPrefix("application/json") } ?? false
    }
}
