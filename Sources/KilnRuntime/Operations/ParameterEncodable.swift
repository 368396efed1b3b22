import Foundation

/// A value generated code can send as a path, query, header or cookie parameter.
public protocol ParameterEncodable {
    var parameterValue: ParameterValue { get }
}

extension ParameterEncodable where Self: ParameterPrimitive {
    public var parameterValue: ParameterValue { ParameterValue(self) }
}

extension String: ParameterEncodable {}
extension Bool: ParameterEncodable {}
extension Int: ParameterEncodable {}
extension Int32: ParameterEncodable {}
extension Int64: ParameterEncodable {}
extension Double: ParameterEncodable {}
extension Float: ParameterEncodable {}
extension Date: ParameterEncodable {}
extension CalendarDate: ParameterEncodable {}
extension UUID: ParameterEncodable {}
extension Data: ParameterEncodable {}

extension Array: ParameterEncodable where Element: ParameterPrimitive {
    public var parameterValue: ParameterValue { ParameterValue(array: self) }
}

extension ParameterValue {
    /// An object parameter (a deepObject filter, say) from a generated model: its JSON encoding's top-level
    /// fields in the model's declaration order; nested values are sent as their JSON text.
    public init(encoding value: some Encodable) {
        guard let json = try? JSONValue(encoding: value) else {
            self = .object([])
            return
        }
        guard case .object(let fields) = json else {
            self = .primitive(json.parameterText)
            return
        }
        self = .object(KeyOrder.sorted(fields.keys, as: value).compactMap { key in
            fields[key].flatMap { $0.isNull ? nil : Property(key, $0.parameterText) }
        })
    }
}

extension JSONValue {
    /// Text as a parameter or form field carries it: scalars plainly, structures as compact JSON.
    var parameterText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .double(let value): return value.parameterText
        case .string(let value): return value
        case .array, .object:
            let encoder = JSONCoding.makeEncoder()
            return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}

extension PathEncoder {
    /// One path parameter, `simple` style: percent-encoded so it stays one segment.
    public static func segment(_ value: some ParameterEncodable) -> String {
        encode(name: "", value: value.parameterValue, style: .simple, explode: false)
    }

    /// A path parameter whose type no path style can express, sent as its JSON text in one segment.
    public static func jsonSegment(_ value: some Encodable, core: APIClientCore, operationID: String) throws -> String {
        segment(String(decoding: try core.encodeJSON(value, operationID: operationID), as: UTF8.self))
    }
}
