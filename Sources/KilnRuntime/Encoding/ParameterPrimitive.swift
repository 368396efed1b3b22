import Foundation

/// A scalar that can be a path, query, header or cookie parameter. Its `parameterText` is the
/// raw text before percent-encoding.
public protocol ParameterPrimitive {
    var parameterText: String { get }
}

extension String: ParameterPrimitive {
    public var parameterText: String { self }
}

extension Substring: ParameterPrimitive {
    public var parameterText: String { String(self) }
}

extension Bool: ParameterPrimitive {
    public var parameterText: String { self ? "true" : "false" }
}

extension Int: ParameterPrimitive {
    public var parameterText: String { String(self) }
}

extension Int32: ParameterPrimitive {
    public var parameterText: String { String(self) }
}

extension Int64: ParameterPrimitive {
    public var parameterText: String { String(self) }
}

extension UInt: ParameterPrimitive {
    public var parameterText: String { String(self) }
}

extension UInt64: ParameterPrimitive {
    public var parameterText: String { String(self) }
}

/// Integral values print without `.0` (`100`, like JSON); others use Swift's shortest round-trip form.
extension Double: ParameterPrimitive {
    public var parameterText: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}

extension Float: ParameterPrimitive {
    public var parameterText: String { Double(self).parameterText }
}

/// RFC 3339, as in JSON bodies.
extension Date: ParameterPrimitive {
    public var parameterText: String { ISO8601DateTime.string(from: self) }
}

extension CalendarDate: ParameterPrimitive {
    public var parameterText: String { description }
}

/// Lowercase, as RFC 9562 recommends.
extension UUID: ParameterPrimitive {
    public var parameterText: String { uuidString.lowercased() }
}

extension URL: ParameterPrimitive {
    public var parameterText: String { absoluteString }
}

/// Generated string enums get conformance with an empty `extension MyEnum: ParameterPrimitive {}`.
extension ParameterPrimitive where Self: RawRepresentable, RawValue: ParameterPrimitive {
    public var parameterText: String { rawValue.parameterText }
}

/// `format: byte` (and `binary`, which a parameter can only carry as text): base64, as JSON bodies send it.
extension Data: ParameterPrimitive {
    public var parameterText: String { base64EncodedString() }
}
