import KilnOpenAPI

/// What a model encodes a spec example to once decoded, for the contract tests' strict comparisons: an
/// `x-kiln-lenient-number` field decodes `"542"` and encodes `542`, so the number is expected there and
/// only there (a wrongly typed id anywhere else fails). In a request body, an optional field the example
/// gives as null decodes to nil and is left out (only PATCH bodies' `PatchValue` sends an explicit null),
/// and a read-only field is never sent.
extension ContractTestTranslator {
    enum Direction { case request, response }

    func reencoded(_ value: SampleValue, as schema: Schema?, _ direction: Direction, depth: Int = 0) -> SampleValue {
        // Examples are finite; the depth bound only guards against a pathological recursive schema.
        guard let schema, depth < 64 else { return value }
        let resolved = document.resolve(schema) ?? schema
        let shape = translator.analysis.nullableWrapped(resolved).map { document.resolve($0) ?? $0 } ?? resolved
        switch value {
        case .object(let fields):
            let merged = translator.analysis.mergedObject(shape)
            let isPatch = schema.ref?.componentName.map(translator.patchBodySchemas.contains) == true
            var extra: Schema?
            if case .schema(let schema)? = shape.additionalProperties { extra = schema }
            return .object(fields.compactMap { key, field in
                guard let property = merged.properties[key] else { return (key, reencoded(field, as: extra, direction, depth: depth + 1)) }
                if direction == .request {
                    let target = document.resolve(property) ?? property
                    if target.readOnly { return nil }
                    if field == .null, !isPatch, !merged.required.contains(key) || target.writeOnly { return nil }
                }
                if translator.isLenientNumber(property) { return (key, numbers(field)) }
                return (key, reencoded(field, as: property, direction, depth: depth + 1))
            })
        case .array(let items):
            return .array(items.map { reencoded($0, as: shape.items, direction, depth: depth + 1) })
        default:
            return value
        }
    }

    /// A lenient field's numeric strings as the numbers they decode to (element by element in an array).
    private func numbers(_ value: SampleValue) -> SampleValue {
        switch value {
        case .string(let text) where Double(text) != nil: .number(text)
        case .array(let items): .array(items.map(numbers))
        default: value
        }
    }
}
