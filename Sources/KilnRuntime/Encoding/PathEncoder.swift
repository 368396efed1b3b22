/// OpenAPI path parameter styles.
public enum PathStyle: String, Sendable {
    case simple, label, matrix
}

/// Encodes path parameter values into text that can be spliced into an already-encoded path.
///
/// Values are percent-encoded except RFC 3986 unreserved characters, so `/` in a value becomes
/// `%2F` and cannot change the path structure. Delimiters (`,` `.` `;` `=`) stay literal.
public enum PathEncoder {
    /// A single segment value: `a b/c` → `a%20b%2Fc`.
    public static func encode(_ value: some ParameterPrimitive) -> String {
        PercentEncoding.encode(value.parameterText)
    }

    /// A styled value per the OpenAPI 3.1 style table, e.g. `label` + explode + object →
    /// `.R=100.G=200.B=150`. `name` is used only by `matrix`.
    public static func encode(name: String, value: ParameterValue, style: PathStyle = .simple, explode: Bool = false) -> String {
        let serializer = StyleSerializer { PercentEncoding.encode($0) }
        switch style {
        case .simple:
            return serializer.simple(value, explode: explode)
        case .label:
            switch value {
            case .array where explode:
                return "." + serializer.joined(value, separator: ".")
            case .object(let properties) where explode:
                return "." + serializer.explodedProperties(properties, separator: ".")
            default:
                return "." + serializer.joined(value, separator: ",")
            }
        case .matrix:
            let encodedName = PercentEncoding.encode(name)
            switch value {
            case .primitive(let text) where text.isEmpty:
                return ";" + encodedName
            case .array(let items) where explode:
                return items.map { ";\(encodedName)=\(PercentEncoding.encode($0))" }.joined()
            case .object(let properties) where explode:
                return properties.map { ";\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }.joined()
            default:
                return ";\(encodedName)=" + serializer.joined(value, separator: ",")
            }
        }
    }
}
