/// RFC 6570 expansion shared by the path, query, header and cookie encoders: they differ only
/// in how names and values are escaped and which delimiters join them.
struct StyleSerializer {
    /// Escapes one name or value (never a delimiter).
    let escape: (String) -> String

    /// `v1<sep>v2` for arrays, `k1<sep>v1<sep>k2<sep>v2` for objects.
    func joined(_ value: ParameterValue, separator: String) -> String {
        switch value {
        case .primitive(let text): escape(text)
        case .array(let items): items.map(escape).joined(separator: separator)
        case .object(let properties): properties.flatMap { [escape($0.name), escape($0.value)] }.joined(separator: separator)
        }
    }

    /// Exploded object properties as `k=v` joined by `separator`.
    func explodedProperties(_ properties: [ParameterValue.Property], separator: String) -> String {
        properties.map { "\(escape($0.name))=\(escape($0.value))" }.joined(separator: separator)
    }

    /// The `simple` style (path and header): `blue`, `blue,black`, `R,100,G,200` or `R=100,G=200`.
    func simple(_ value: ParameterValue, explode: Bool) -> String {
        if explode, case .object(let properties) = value {
            return explodedProperties(properties, separator: ",")
        }
        return joined(value, separator: ",")
    }
}
