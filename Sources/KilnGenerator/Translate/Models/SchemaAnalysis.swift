import KilnDiagnostics
import KilnOpenAPI

/// Questions about schemas that translation asks repeatedly: what a schema really is once `allOf` is
/// merged and `null` is split off. Answers about merged objects are memoised per schema.
struct SchemaAnalysis {
    let document: OpenAPIDocument
    private let cache = Cache()

    /// `allOf` references followed before a schema counts as too deep to merge (and becomes JSONValue).
    /// Real specs nest a handful; a generated chain of hundreds would build structs of hundreds of fields.
    static let maxAllOfDepth = 32

    /// An object schema with its `allOf` parts merged in, in order.
    struct MergedObject {
        var properties = OrderedMap<Schema>()
        var required: [String] = []
        /// The `allOf` references nest deeper than `maxAllOfDepth`; the fields are incomplete.
        var isTooDeep = false
    }

    private final class Cache {
        /// Keyed by where a schema is written: one node of the spec, one schema.
        var merged: [SourceLocation: MergedObject] = [:]
        var work = 0
    }

    /// Steps taken so far (merge lookups, merge steps, stored-property visits): tests check that it grows
    /// linearly with a spec's size, which wall time on a busy machine cannot show.
    var work: Int { cache.work }

    init(document: OpenAPIDocument) {
        self.document = document
    }

    /// A schema's non-null variants when it is "one of X or null" (3.1's way of a nullable ref).
    func nullableWrapped(_ schema: Schema) -> Schema? {
        let variants = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        guard variants.count >= 2 else { return nil }
        let nonNull = variants.filter { !isNullOnly($0) }
        guard nonNull.count == 1, nonNull.count < variants.count else { return nil }
        return nonNull[0]
    }

    func isNullOnly(_ schema: Schema) -> Bool {
        schema.ref == nil && schema.types.isEmpty && schema.isNullable && schema.properties.isEmpty
            && schema.oneOf.isEmpty && schema.anyOf.isEmpty && schema.allOf.isEmpty
    }

    /// Properties and required names of an object schema with its `allOf` parts merged in, in order.
    /// Parts that are refs are followed; a cycle through allOf stops at the schema already visited.
    func mergedObject(_ schema: Schema) -> MergedObject {
        cache.work += 1
        if let known = cache.merged[schema.location] { return known }
        let merged = merge(schema)
        cache.merged[schema.location] = merged
        return merged
    }

    /// The merge as a loop over an explicit stack (a long allOf chain would overflow the call stack),
    /// visiting parts in the order a recursive walk would.
    private func merge(_ schema: Schema) -> MergedObject {
        enum Step {
            /// A part: a reference is followed, then its own siblings are merged.
            case part(Schema, depth: Int)
            /// A schema's allOf parts, then its own fields.
            case own(Schema, depth: Int)
            case fields(Schema)
        }
        var result = MergedObject()
        var visited = Set<String>()
        var steps: [Step] = [.part(schema, depth: 0)]
        while let step = steps.popLast() {
            cache.work += 1
            switch step {
            case .part(let schema, let depth):
                guard let name = schema.ref?.componentName else {
                    steps.append(.own(schema, depth: depth))
                    continue
                }
                guard visited.insert(name).inserted, let target = document.components.schemas[name] else { continue }
                guard depth < Self.maxAllOfDepth else {
                    result.isTooDeep = true
                    return result
                }
                if !schema.isPureReference { steps.append(.own(schema, depth: depth)) }
                steps.append(.part(target, depth: depth + 1))
            case .own(let schema, let depth):
                steps.append(.fields(schema))
                steps += schema.allOf.reversed().map { .part($0, depth: depth) }
            case .fields(let schema):
                for (name, property) in schema.properties { result.properties[name] = property }
                for name in schema.required where !result.required.contains(name) { result.required.append(name) }
            }
        }
        return result
    }

    /// Whether a schema is an object with named properties (directly or through allOf). One whose allOf
    /// nests too deep is not: it stays JSON.
    func isObjectWithProperties(_ schema: Schema) -> Bool {
        if schema.allOf.isEmpty && schema.ref == nil { return !schema.properties.isEmpty }
        if schema.allOf.isEmpty && schema.properties.isEmpty { return false }
        let merged = mergedObject(schema)
        return !merged.isTooDeep && !merged.properties.isEmpty
    }

    /// Component names a schema's properties store inline (not behind an array, dictionary or enum).
    /// Inline object properties count too: their struct is stored inside this one.
    func directlyStoredComponents(of schema: Schema, depth: Int = 0) -> Set<String> {
        var result = Set<String>()
        guard depth < 16 else { return result }
        for property in mergedObject(schema).properties.values {
            cache.work += 1
            let target = nullableWrapped(property) ?? property
            if let name = target.ref?.componentName {
                if let component = document.components.schemas[name],
                    isObjectWithProperties(component) || component.isPureReference
                {
                    result.insert(name)
                }
            } else if isObjectWithProperties(target) {
                result.formUnion(directlyStoredComponents(of: target, depth: depth + 1))
            }
        }
        return result
    }
}
