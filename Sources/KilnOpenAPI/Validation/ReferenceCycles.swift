/// Component schemas that are only a `$ref` can form a loop (`A: {$ref: B}`, `B: {$ref: A}`, or
/// `A: {$ref: A}`) that never reaches a schema with content: nothing to generate, nothing to validate
/// against. Recursion through properties, items or allOf is fine and not reported.
extension Validator {
    func checkReferenceCycles() {
        let schemas = document.components.schemas
        var reported = Set<String>()
        for (name, schema) in schemas where schema.isPureReference && !reported.contains(name) {
            var chain = [name]
            var current = schema
            while current.isPureReference, let next = current.ref?.componentName, let target = schemas[next] {
                if let start = chain.firstIndex(of: next) {
                    let cycle = Array(chain[start...])
                    // Once per cycle, at the ref of the first member reached, so a schema that only leads
                    // into the cycle does not repeat the error.
                    if reported.isDisjoint(with: cycle), let ref = schemas[cycle[0]]?.ref {
                        diagnostics.error(
                            "schema '\(cycle[0])' is a $ref cycle that never reaches a schema: "
                                + (cycle + [cycle[0]]).joined(separator: " -> "),
                            at: ref.location)
                    }
                    reported.formUnion(cycle)
                    break
                }
                chain.append(next)
                current = target
            }
        }
    }
}
