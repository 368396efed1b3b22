import KilnOpenAPI

/// Which component structs reach themselves through directly stored properties; those properties need
/// indirection or the struct would have infinite size. Computed once, in linear time: a spec with a
/// chain of thousands of references used to take quadratic time and memory here.
struct RecursionGraph {
    /// Component name -> its strongly connected component: structs that store each other in a cycle share one.
    private let cycles: [String: Int]

    init(analysis: SchemaAnalysis) {
        var edges: [String: [String]] = [:]
        for (name, schema) in analysis.document.components.schemas {
            if analysis.isObjectWithProperties(schema) {
                edges[name] = analysis.directlyStoredComponents(of: schema).sorted()
            } else if schema.isPureReference, let target = schema.ref?.componentName {
                // An alias stores what it names.
                edges[name] = [target]
            }
        }
        cycles = StronglyConnected.components(edges)
    }

    /// True when storing `target` inside `owner` closes a cycle back to `owner`.
    func storingCreatesCycle(owner: String, target: String) -> Bool {
        guard target != owner else { return true }
        guard let ownerCycle = cycles[owner], let targetCycle = cycles[target] else { return false }
        return ownerCycle == targetCycle
    }
}
