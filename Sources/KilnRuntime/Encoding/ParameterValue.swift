/// The shape of a parameter value as OpenAPI styles see it: one scalar, a list, or an object
/// whose properties keep their order (a model's declaration order, see `KeyOrder`).
public enum ParameterValue: Hashable, Sendable {
    case primitive(String)
    case array([String])
    case object([Property])

    /// One property of an object value.
    public struct Property: Hashable, Sendable {
        /// Name, as sent.
        public var name: String
        /// Value, as sent.
        public var value: String

        /// A name/value pair.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A scalar.
    public init(_ value: some ParameterPrimitive) {
        self = .primitive(value.parameterText)
    }

    /// A list of scalars.
    public init(array: [some ParameterPrimitive]) {
        self = .array(array.map(\.parameterText))
    }

    /// Properties in the given order, e.g. `ParameterValue(object: [("R", 100), ("G", 200)])`.
    public init(object: [(String, any ParameterPrimitive)]) {
        self = .object(object.map { Property($0.0, $0.1.parameterText) })
    }
}
