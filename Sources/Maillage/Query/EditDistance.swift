/// Levenshtein distance (insertions, deletions and substitutions of one character each), for
/// "did you mean" suggestions and typo-tolerant search.
enum EditDistance {
    /// The distance between `a` and `b` if it is at most `bound`, else nil.
    ///
    /// - Complexity: O(a.count × b.count) at most; strings whose lengths differ by more than
    ///   `bound` are refused in O(1), and a row whose minimum passes `bound` ends the computation.
    static func distance<C: Collection>(_ a: C, _ b: C, atMost bound: Int) -> Int? where C.Element: Equatable {
        let a = Array(a), b = Array(b)
        guard abs(a.count - b.count) <= bound else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var smallest = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                smallest = Swift.min(smallest, current[j])
            }
            if smallest > bound { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }

    /// Up to `limit` of `candidates` closest to `query`, ignoring case: those containing it first
    /// (shortest first), then those within a few edits (about one per four characters, at least
    /// one, and fewer than the query's length: "zz" is not close to "a"), fewest edits first; ties
    /// in order of the candidates' text.
    static func closest(to query: String, among candidates: some Sequence<String>, limit: Int) -> [String] {
        let wanted = Array(query.lowercased().unicodeScalars)
        let bound = Swift.min(Swift.max(1, wanted.count / 4), wanted.count - 1)
        var scored: [(score: Int, candidate: String)] = []
        for candidate in candidates {
            let folded = candidate.lowercased()
            if !wanted.isEmpty, folded.contains(query.lowercased()) {
                scored.append((folded.count - wanted.count - 1_000_000, candidate))
            } else if let distance = distance(wanted, Array(folded.unicodeScalars), atMost: bound) {
                scored.append((distance, candidate))
            }
        }
        return scored.sorted { ($0.score, $0.candidate) < ($1.score, $1.candidate) }.prefix(limit).map(\.candidate)
    }
}
