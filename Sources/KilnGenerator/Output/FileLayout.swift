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
        var text = text
        return text.withUTF8(Self.compileCost)
    }

    /// One pass over the bytes: each non-empty line costs its length after the indentation, plus its newline,
    /// unless it is a comment.
    private static func compileCost(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n"), slash = UInt8(ascii: "/")
        var cost = 0
        var index = 0
        while index < bytes.count {
            let lineStart = index
            while index < bytes.count, bytes[index] == space { index += 1 }
            let start = index
            while index < bytes.count, bytes[index] != newline { index += 1 }
            let isEmpty = lineStart == index
            let isComment = index - start >= 2 && bytes[start] == slash && bytes[start + 1] == slash
            if !isEmpty && !isComment { cost += index - start + 1 }
            index += 1
        }
        return cost
    }
}
