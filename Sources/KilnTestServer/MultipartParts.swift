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

extension ContractCheck {
    /// The parts of a multipart request in order, or nil when the body is not multipart with the
    /// boundary its Content-Type names.
    public static func multipartParts(_ request: RecordedRequest) -> [MultipartPart]? {
        guard let contentType = request.header("Content-Type"),
            let boundary = contentType.split(separator: ";").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst("boundary=".count)
        else { return nil }
        let body = request.body
        let delimiter = Data("--\(boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))".utf8)
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

    /// nil when the request's parts are exactly `expected` (names, filenames, Content-Types and bytes, in
    /// order), else the first difference. Parts named in `jsonParts` compare as JSON with strict keys.
    public static func multipartDifference(_ request: RecordedRequest, _ expected: [MultipartPart], jsonParts: Set<String> = []) -> String? {
        guard let actual = multipartParts(request) else { return "not a multipart body: \(request.bodyText.prefix(200))" }
        guard actual.count == expected.count else {
            return "expected \(expected.count) parts, got \(actual.count): \(actual.map(\.description))"
        }
        for (wanted, got) in zip(expected, actual) {
            var same = (wanted.name, wanted.filename, wanted.contentType) == (got.name, got.filename, got.contentType)
            if jsonParts.contains(wanted.name) {
                same = same && jsonDifference(got.body, String(decoding: wanted.body, as: UTF8.self)) == nil
            } else {
                same = same && wanted.body == got.body
            }
            if !same { return "expected \(wanted), got \(got)" }
        }
        return nil
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
