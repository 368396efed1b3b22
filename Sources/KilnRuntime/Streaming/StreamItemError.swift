/// Where a streamed item that could not be decoded stands in its stream; the `underlyingError` of the
/// `ClientError` that fails the sequence.
public struct StreamItemError: Error, CustomStringConvertible {
    /// The offending line (a JSON text for `application/json-seq`, the joined `data` of an event).
    public let text: String
    /// 1-based line number (record number for `application/json-seq`) where the item starts.
    public let line: Int
    /// Offset of the item's first byte from the start of the stream.
    public let byteOffset: Int
    /// Why it failed, usually a `DecodingError`.
    public let underlyingError: any Error
    /// What `line` counts: "line", or "record" for JSON text sequences.
    let unit: String

    init(text: String, line: Int, byteOffset: Int, underlyingError: any Error, unit: String = "line") {
        self.text = text
        self.line = line
        self.byteOffset = byteOffset
        self.underlyingError = underlyingError
        self.unit = unit
    }

    public var description: String {
        "\(unit) \(line) (byte \(byteOffset)): \(Self.quoted(text)): \(ClientError.reason(for: underlyingError))"
    }

    /// Long lines are cut so a message stays readable.
    static func quoted(_ text: String, limit: Int = 200) -> String {
        let shown = text.count > limit ? text.prefix(limit) + "…" : text[...]
        return "\"" + shown + "\""
    }
}

extension ClientError {
    /// The `.decoding` error that fails a stream at a malformed item.
    static func streamItem(_ failure: StreamItemError, operationID: String, type: Any.Type) -> ClientError {
        ClientError(kind: .decoding, operationID: operationID, message: "Decoding \(type) failed at \(failure)", underlyingError: failure)
    }
}
