import Foundation

/// What generated operations call to fill in a request. Nil parameters are simply left out.
extension HTTPRequest {
    public mutating func addQuery(
        _ name: String, _ value: (some ParameterEncodable)?, style: QueryStyle = .form, explode: Bool = true,
        allowReserved: Bool = false
    ) {
        guard let value else { return }
        query.append(
            contentsOf: QueryEncoder.encode(
                name: name, value: value.parameterValue, style: style, explode: explode, allowReserved: allowReserved))
    }

    public mutating func addHeader(_ name: String, _ value: (some ParameterEncodable)?, explode: Bool = false) {
        headers.appendHeader(name, value, explode: explode)
    }

    public mutating func addCookie(_ name: String, _ value: (some ParameterEncodable)?, explode: Bool = true) {
        guard let value else { return }
        CookieEncoder.append(CookieEncoder.encode(name: name, value: value.parameterValue, explode: explode), to: &headers)
    }

    public mutating func setJSONBody(
        _ body: (some Encodable)?, contentType: String = "application/json", core: APIClientCore, operationID: String
    ) throws {
        guard let body else { return }
        self.body = try core.encodeJSON(body, operationID: operationID)
        setContentType(contentType)
    }

    /// application/x-www-form-urlencoded from a model: its JSON fields, arrays as repeated fields.
    /// `joinedFields`: array fields the spec's `encoding` sends as one value (`explode: false`): `tags=a,b`
    /// for `.form`, space- or pipe-separated for the delimited styles; other arrays repeat the field.
    public mutating func setFormBody(
        _ body: (some Encodable)?, joinedFields: [String: QueryStyle] = [:], core: APIClientCore, operationID: String
    ) throws {
        guard let body else { return }
        let json = try core.encodeJSON(body, operationID: operationID)
        self.body = FormURLEncoder.encodeBody(
            try FormFields.fields(fromJSON: json, order: KeyOrder.of(body), joined: joinedFields, operationID: operationID))
        setContentType(FormURLEncoder.contentType)
    }

    public mutating func setTextBody(_ text: String?, contentType: String) {
        guard let text else { return }
        body = Data(text.utf8)
        setContentType(contentType)
    }

    public mutating func setBinaryBody(_ upload: UploadBody?, contentType: String, operationID: String) throws {
        guard let upload else { return }
        try upload.apply(to: &self, operationID: operationID)
        setContentType(contentType)
    }

    /// The encoded form as `body`, or as a `bodyStream` when it has parts read from files.
    public mutating func setMultipartBody(_ form: MultipartFormData) {
        if form.hasFileParts {
            body = nil
            bodyStream = form.bodyStream()
        } else {
            body = form.encoded()
            bodyStream = nil
        }
        setContentType(form.contentType)
    }

    private mutating func setContentType(_ value: String) {
        headers.removeAll(named: "Content-Type")
        headers.append(name: "Content-Type", value: value)
    }
}

/// A JSON object as form fields in key order: scalars as text, arrays as repeated fields, nested
/// objects as their JSON text, nulls left out.
enum FormFields {
    /// `order`: the model's declaration order (see `KeyOrder`); other keys follow, sorted.
    static func fields(
        fromJSON json: Data, order: [String], joined: [String: QueryStyle] = [:], operationID: String
    ) throws -> [(name: String, value: String)] {
        guard case .object(let dictionary)? = try? JSONDecoder().decode(JSONValue.self, from: json) else {
            throw ClientError(
                kind: .encoding, operationID: operationID,
                message: "A form body must be an object with fields", underlyingError: nil)
        }
        var result: [(name: String, value: String)] = []
        for key in KeyOrder.sorted(dictionary.keys, by: order) {
            switch dictionary[key] {
            case .array(let items)?:
                if let style = joined[key] {
                    let separator = style == .spaceDelimited ? " " : style == .pipeDelimited ? "|" : ","
                    result.append((key, items.map(\.parameterText).joined(separator: separator)))
                } else {
                    for item in items { result.append((key, item.parameterText)) }
                }
            case .null?, nil:
                continue
            case let value?:
                result.append((key, value.parameterText))
            }
        }
        return result
    }
}

/// Where a parameter goes, for parameters sent as JSON text.
public enum ParameterLocation: Sendable {
    case query, header, cookie
}

extension HTTPRequest {
    /// A parameter whose value is JSON text (`content: application/json` in the spec).
    public mutating func addJSONParameter(
        _ name: String, _ value: (some Encodable)?, in location: ParameterLocation, core: APIClientCore,
        operationID: String
    ) throws {
        guard let value else { return }
        let text = String(decoding: try core.encodeJSON(value, operationID: operationID), as: UTF8.self)
        switch location {
        case .query: addQuery(name, text)
        case .header: addHeader(name, text)
        case .cookie: addCookie(name, text)
        }
    }
}
