/// Spreads rendered declarations over a fixed number of files of similar size. The file names never
/// depend on the spec, so a build plugin can declare its outputs up front, and the compiler can
/// type-check the files in parallel.
enum FileLayout {
    /// `count` buckets; each declaration goes to the currently smallest one (largest first), and each
    /// bucket keeps spec order, so the result is deterministic.
    static func balance(_ rendered: [String], into count: Int) -> [[String]] {
        var sizes = Array(repeating: 0, count: count)
        var assignment = Array(repeating: 0, count: rendered.count)
        let bySize = rendered.indices.sorted { (rendered[$0].utf8.count, $1) > (rendered[$1].utf8.count, $0) }
        for index in bySize {
            let bucket = sizes.indices.min { (sizes[$0], $0) < (sizes[$1], $1) } ?? 0
            assignment[index] = bucket
            sizes[bucket] += rendered[index].utf8.count
        }
        var buckets = Array(repeating: [String](), count: count)
        for (index, text) in rendered.enumerated() { buckets[assignment[index]].append(text) }
        return buckets
    }
}
