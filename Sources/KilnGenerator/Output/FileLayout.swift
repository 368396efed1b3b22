/// Spreads rendered declarations over a fixed number of files of similar compile cost. The file names never
/// depend on the spec, so a build plugin can declare its outputs up front, and the compiler's parallel
/// batches get equal work.
enum FileLayout {
    /// `count` buckets; each declaration goes to the currently cheapest one (costliest first), and each
    /// bucket keeps spec order, so the result is deterministic.
    static func balance(_ rendered: [String], into count: Int) -> [[String]] {
        var costs = Array(repeating: 0, count: count)
        var assignment = Array(repeating: 0, count: rendered.count)
        let cost = rendered.map(compileCost)
        let costliestFirst = rendered.indices.sorted { (cost[$0], $1) > (cost[$1], $0) }
        for index in costliestFirst {
            let bucket = costs.indices.min { (costs[$0], $0) < (costs[$1], $1) } ?? 0
            assignment[index] = bucket
            costs[bucket] += cost[index]
        }
        var buckets = Array(repeating: [String](), count: count)
        for (index, text) in rendered.enumerated() { buckets[assignment[index]].append(text) }
        return buckets
    }

    /// What a declaration costs the compiler, roughly: its bytes of code. Documentation comments (often
    /// longer than the code in vendor specs) cost next to nothing, so they do not count.
    static func compileCost(_ text: String) -> Int {
        var cost = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let code = line.drop { $0 == UInt8(ascii: " ") }
            if code.starts(with: "//".utf8) { continue }
            cost += code.count + 1
        }
        return cost
    }
}
