/// "did you mean 'users'?" for a name that matches nothing: the candidates closest by edit distance
/// (ignoring case), so a typo in a filter or an override points at what the user meant.
public enum NearestNames {
    /// Up to `limit` candidates within a distance that grows with the name's length and not far behind
    /// the closest one, closest first.
    public static func suggestions(for name: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let lowered = Array(name.lowercased())
        let threshold = max(2, lowered.count / 3)
        var scored: [(name: String, distance: Int)] = []
        for candidate in Set(candidates) {
            let other = Array(candidate.lowercased())
            // A prefix or suffix relation is a near miss whatever the length difference (`user` / `userGroups`).
            let related = !lowered.isEmpty && (other.starts(with: lowered) || lowered.starts(with: other))
            guard related || abs(other.count - lowered.count) <= threshold else { continue }
            let distance = editDistance(lowered, other)
            if distance <= threshold || related { scored.append((candidate, distance)) }
        }
        // Far worse candidates than the best one only distract from it.
        guard let best = scored.map(\.distance).min() else { return [] }
        return scored.filter { $0.distance <= best * 2 + 1 }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map(\.name)
    }

    /// `"; did you mean 'users'?"`, `"; did you mean 'a' or 'b'?"`, or "" when nothing is close.
    public static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        let found = suggestions(for: name, among: candidates).map { "'\($0)'" }
        guard let last = found.last else { return "" }
        let listed = found.count == 1 ? last : found.dropLast().joined(separator: ", ") + " or " + last
        return "; did you mean \(listed)?"
    }

    /// Levenshtein distance: insertions, deletions and substitutions of one character each cost 1.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
