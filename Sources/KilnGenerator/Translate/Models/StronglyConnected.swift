/// Strongly connected components of a directed graph (Tarjan's algorithm), with an explicit stack:
/// a spec with a chain of 10,000 references must not overflow the call stack.
enum StronglyConnected {
    /// The index of each node's component; nodes that reach each other share one. Every node named in
    /// `edges`, as a key or a target, gets an index.
    static func components<Node: Hashable & Comparable>(_ edges: [Node: [Node]]) -> [Node: Int] {
        var index: [Node: Int] = [:]
        var low: [Node: Int] = [:]
        var onStack = Set<Node>()
        var stack: [Node] = []
        var result: [Node: Int] = [:]
        var counter = 0
        var componentCount = 0
        func discover(_ node: Node) {
            index[node] = counter
            low[node] = counter
            counter += 1
            stack.append(node)
            onStack.insert(node)
        }
        // Sorted roots keep the numbering, and so the output, independent of dictionary order.
        for root in edges.keys.sorted() where index[root] == nil {
            discover(root)
            var frames: [(node: Node, next: Int)] = [(root, 0)]
            while let (node, next) = frames.last {
                let neighbours = edges[node] ?? []
                if next < neighbours.count {
                    frames[frames.count - 1].next += 1
                    let neighbour = neighbours[next]
                    if index[neighbour] == nil {
                        discover(neighbour)
                        frames.append((neighbour, 0))
                    } else if onStack.contains(neighbour) {
                        low[node] = min(low[node]!, index[neighbour]!)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { low[parent] = min(low[parent]!, low[node]!) }
                guard low[node] == index[node] else { continue }
                while let member = stack.popLast() {
                    onStack.remove(member)
                    result[member] = componentCount
                    if member == node { break }
                }
                componentCount += 1
            }
        }
        return result
    }

    /// Nodes on a cycle: in a component with others, or with an edge to themselves.
    static func cyclicNodes<Node: Hashable & Comparable>(_ edges: [Node: [Node]]) -> Set<Node> {
        let components = components(edges)
        var sizes: [Int: Int] = [:]
        for componentIndex in components.values { sizes[componentIndex, default: 0] += 1 }
        return Set(components.keys.filter { node in
            sizes[components[node]!]! > 1 || (edges[node] ?? []).contains(node)
        })
    }
}
