import KilnRuntime

/// Typed construction of the list action's filter items (`{"fieldname", "comparison", "value"}`):
///
///     let filters: [Filter] = [.field("age", .gte(27)), .field("lastname", .like("man")), .field("deleted", .isNull)]
///
/// Each comparison carries the value shape the document gives it: one scalar, an array for `in`, none for
/// the NULL tests; so `in` with a single value, or `lt` with an array, cannot be built.
extension Filter {
    /// A comparison with its value.
    public struct Condition: Equatable, Sendable {
        public let comparison: FilterComparison
        public let value: FilterValue?

        /// `eql`: the field content is exactly `value`.
        public static func eql(_ value: Scalar) -> Self { Self(comparison: .eql, value: .jsonScalar(value.json)) }
        /// `lt`: lower than `value`.
        public static func lt(_ value: Scalar) -> Self { Self(comparison: .lt, value: .jsonScalar(value.json)) }
        /// `gt`: greater than `value`.
        public static func gt(_ value: Scalar) -> Self { Self(comparison: .gt, value: .jsonScalar(value.json)) }
        /// `lte`: lower than or equal to `value`.
        public static func lte(_ value: Scalar) -> Self { Self(comparison: .lte, value: .jsonScalar(value.json)) }
        /// `gte`: greater than or equal to `value`.
        public static func gte(_ value: Scalar) -> Self { Self(comparison: .gte, value: .jsonScalar(value.json)) }
        /// `like`: the field contains `text` (the document's "man" finds Hofmann and Superman). It does not say
        /// whether `%` or `_` are wildcards, so they are sent as written.
        public static func like(_ text: String) -> Self { Self(comparison: .like, value: .jsonScalar(.string(text))) }
        /// `in`: the field content equals one of `values`.
        public static func `in`(_ values: [Scalar]) -> Self { Self(comparison: .in, value: .array(values.map(\.json))) }
        /// `is`: the field is NULL. No `value` is sent (the spec's assumption on `Filter`).
        public static var isNull: Self { Self(comparison: .is, value: nil) }
        /// `isnot`: the field is not NULL.
        public static var isNotNull: Self { Self(comparison: .isnot, value: nil) }
    }

    /// A value a field is compared with: a JSON string, number or boolean (never an array, object or null).
    /// Literals convert: `.eql(27)`, `.in(["1", "2"])`; variables by case: `.eql(.string(name))`.
    public enum Scalar: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
        ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral
    {
        case string(String)
        case integer(Int64)
        case double(Double)
        case bool(Bool)

        public init(stringLiteral value: String) { self = .string(value) }
        public init(integerLiteral value: Int64) { self = .integer(value) }
        public init(floatLiteral value: Double) { self = .double(value) }
        public init(booleanLiteral value: Bool) { self = .bool(value) }

        var json: JSONValue {
            switch self {
            case .string(let value): .string(value)
            case .integer(let value): .integer(value)
            case .double(let value): .double(value)
            case .bool(let value): .bool(value)
            }
        }
    }

    /// The filter `condition` on field `name`.
    public static func field(_ name: String, _ condition: Condition) -> Filter {
        Filter(fieldname: name, comparison: condition.comparison, value: condition.value)
    }

    /// A filter on every field at once: the document's field name `query`.
    public static func anyField(_ condition: Condition) -> Filter { field("query", condition) }
}
