/// OpenAPI query parameter styles.
public enum QueryStyle: String, Sendable {
    case form, spaceDelimited, pipeDelimited, deepObject
}

/// Encodes one query parameter into percent-encoded `QueryItem`s, byte-exact with the
/// OpenAPI 3.1.1 style examples table:
///
/// | style | explode | array | object |
/// |---|---|---|---|
/// | form | false | `color=blue,black,brown` | `color=R,100,G,200,B,150` |
/// | form | true | `color=blue&color=black&color=brown` | `R=100&G=200&B=150` |
/// | spaceDelimited | false | `color=blue%20black%20brown` | `color=R%20100%20G%20200%20B%20150` |
/// | pipeDelimited | false | `color=blue%7Cblack%7Cbrown` | `color=R%7C100%7CG%7C200%7CB%7C150` |
/// | deepObject | true | – | `color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150` |
///
/// Names and values keep only RFC 3986 unreserved characters (`allowReserved` also keeps
/// reserved ones); `+` is always `%2B`. `|`, `[` and `]` are not valid in a URI query, hence
/// `%7C`/`%5B`/`%5D`. Primitives are `color=blue` in every style (`color=` when empty).
/// Combinations the spec leaves undefined: empty arrays/objects give `color=` unexploded and
/// nothing exploded; space/pipe with explode and deepObject arrays repeat the name like form.
public enum QueryEncoder {
    /// Items for one parameter; append them to `HTTPRequest.query` in declaration order.
    public static func encode(
        name: String,
        value: ParameterValue,
        style: QueryStyle = .form,
        explode: Bool = true,
        allowReserved: Bool = false
    ) -> [QueryItem] {
        let escape: (String) -> String = { PercentEncoding.encode($0, keeping: allowReserved ? .unreservedAndReserved : .unreserved) }
        let serializer = StyleSerializer(escape: escape)
        let encodedName = escape(name)
        func item(_ name: String, _ value: String) -> QueryItem {
            QueryItem(percentEncodedName: name, percentEncodedValue: value)
        }

        switch value {
        case .primitive(let text):
            return [item(encodedName, escape(text))]
        case .array(let items):
            if explode || style == .deepObject {
                return items.map { item(encodedName, escape($0)) }
            }
            return [item(encodedName, serializer.joined(value, separator: delimiter(for: style)))]
        case .object(let properties):
            if style == .deepObject {
                return properties.map { item("\(encodedName)%5B\(escape($0.name))%5D", escape($0.value)) }
            }
            if explode {
                return properties.map { item(escape($0.name), escape($0.value)) }
            }
            return [item(encodedName, serializer.joined(value, separator: delimiter(for: style)))]
        }
    }

    /// Convenience for a scalar: `encode(name: "page", 2)` → `page=2`.
    public static func encode(name: String, _ value: some ParameterPrimitive, allowReserved: Bool = false) -> [QueryItem] {
        encode(name: name, value: ParameterValue(value), allowReserved: allowReserved)
    }

    private static func delimiter(for style: QueryStyle) -> String {
        switch style {
        case .form, .deepObject: ","
        case .spaceDelimited: "%20"
        case .pipeDelimited: "%7C"
        }
    }
}
