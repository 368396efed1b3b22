import KilnOpenAPI

/// Questions about schemas that translation asks repeatedly: what a schema really is once `allOf` is
/// merged and `null` is split off, and which component structs store each other directly (recursion).
struct SchemaAnalysis {
    let document: OpenAPIDocument

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
    func mergedObject(_ schema: Schema) -> (properties: OrderedMap<Schema>, required: [String]) {
        var properties = OrderedMap<Schema>()
        var required: [String] = []
        var visited = Set<String>()
        func merge(_ schema: Schema) {
            if let name = schema.ref?.componentName {
                guard visited.insert(name).inserted, let target = document.components.schemas[name] else { return }
                merge(target)
                if !schema.isPureReference { mergeOwn(schema) }
                return
            }
            mergeOwn(schema)
        }
        func mergeOwn(_ schema: Schema) {
            for part in schema.allOf { merge(part) }
            for (name, property) in schema.properties { properties[name] = property }
            for name in schema.required where !required.contains(name) { required.append(name) }
        }
        merge(schema)
        return (properties, required)
    }

    /// Whether a schema is an object with named properties (directly or through allOf).
    func isObjectWithProperties(_ schema: Schema) -> Bool {
        if !schema.properties.isEmpty { return true }
        guard !schema.allOf.isEmpty else { return false }
        return !mergedObject(schema).properties.isEmpty
    }

    /// Component names a schema's properties store inline (not behind an array, dictionary or enum).
    /// Inline object properties count too: their struct is stored inside this one.
    func directlyStoredComponents(of schema: Schema, depth: Int = 0) -> Set<String> {
        var result = Set<String>()
        guard depth < 16 else { return result }
        for property in mergedObject(schema).properties.values {
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

/// Which component structs reach themselves through directly stored properties; those properties need
/// indirection or the struct would have infinite size.
struct RecursionGraph {
    private var edges: [String: Set<String>] = [:]
    private var reachCache: [String: Set<String>] = [:]

    init(analysis: SchemaAnalysis) {
        for (name, schema) in analysis.document.components.schemas where analysis.isObjectWithProperties(schema) {
            edges[name] = analysis.directlyStoredComponents(of: schema)
        }
    }

    /// True when storing `target` inside `owner` closes a cycle back to `owner`.
    mutating func storingCreatesCycle(owner: String, target: String) -> Bool {
        target == owner || reachable(from: target).contains(owner)
    }

    private mutating func reachable(from start: String) -> Set<String> {
        if let cached = reachCache[start] { return cached }
        var seen = Set<String>()
        var stack = [start]
        while let next = stack.popLast() {
            for neighbour in edges[next] ?? [] where seen.insert(neighbour).inserted {
                stack.append(neighbour)
            }
        }
        reachCache[start] = seen
        return seen
    }
}
