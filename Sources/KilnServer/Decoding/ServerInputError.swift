import KilnRuntime

/// Input the operation cannot accept: answered 400 with this text, which names the parameter or body
/// field and what was expected (`query parameter 'limit': expected an integer, got 'ten'`).
public struct ServerInputError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }

    /// `what` (`query parameter 'limit'`, `request body`) and why its text did not decode.
    init(_ what: String, _ error: any Error) {
        guard let decoding = error as? DecodingError else {
            self.init("\(what): \(error)")
            return
        }
        var path: [any CodingKey] = []
        var detail = DecodingErrorFormatter.describe(decoding)
        switch decoding {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
            detail = context.debugDescription
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
            detail = "is required"
        @unknown default: break
        }
        let field = path.isEmpty ? "" : " field '\(DecodingErrorFormatter.path(path))'"
        self.init("\(what)\(field): \(detail)")
    }
}
