import Foundation
import KilnServer

/// The part type and parser live with the server runtime, which decodes multipart bodies too.
public typealias MultipartPart = KilnServer.MultipartPart

extension ContractCheck {
    /// The parts of a multipart request in order, or nil when the body is not multipart with the
    /// boundary its Content-Type names.
    public static func multipartParts(_ request: RecordedRequest) -> [MultipartPart]? {
        guard let contentType = request.header("Content-Type"), let boundary = MultipartParser.boundary(contentType) else { return nil }
        return MultipartParser.parts(request.body, boundary: boundary)
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
}
