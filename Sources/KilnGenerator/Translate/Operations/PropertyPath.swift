import KilnOpenAPI

/// A dot path through declared properties (`pagingDetails.totalPages`, `data.kmd`) as a Swift
/// expression on a value of the schema's type, for extensions that point into a response body.
struct PropertyPath {
    let translator: ModelTranslator

    struct Accessor {
        /// `<root>.pagingDetails?.totalPages`.
        var expression: String
        var type: SwiftType
        /// Whether some link of the chain is optional, so the expression's value is optional.
        var optional: Bool
    }

    /// nil when the path leaves the declared properties or crosses an inline type.
    func accessor(_ path: String, from schema: Schema, root: String = "$0") -> Accessor? {
        var expression = root
        var optional = false
        var current = schema
        var type: SwiftType?
        for segment in path.split(separator: ".").map(String.init) {
            guard let resolved = translator.document.resolve(current) else { return nil }
            let merged = translator.analysis.mergedObject(resolved)
            guard let index = merged.properties.keys.firstIndex(of: segment) else { return nil }
            let property = merged.properties.values[index]
            let name = StructBuilder.memberNames(merged.properties)[index]
            expression += (optional ? "?." : ".") + name
            var nested: [Declaration] = []
            var scope = NameScope()
            let propertyType = translator.swiftType(for: property, hint: "Unused", owner: nil, nested: &nested, scope: &scope)
            guard nested.isEmpty else { return nil }
            let isOptional = propertyType.isOptional || !merged.required.contains(segment) || property.readOnly || property.writeOnly
            optional = optional || isOptional
            type = propertyType.unwrapped
            current = property
        }
        guard let type else { return nil }
        return Accessor(expression: expression, type: type, optional: optional)
    }
}
