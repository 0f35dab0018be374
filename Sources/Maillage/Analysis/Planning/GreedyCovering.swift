import HeapModule

/// A covering problem: demand points with weights (inhabitants), and candidate sites that each
/// cover a set of points. Solved greedily with lazy evaluation (CELF, Leskovec et al. 2007): a
/// candidate's gain only shrinks as others are chosen, so a stale gain is an upper bound and
/// only the candidate on top needs re-evaluating.
public struct GreedyCovering: Sendable {
    /// One chosen site and what it newly covers.
    public struct Choice: Sendable, Equatable {
        public var candidate: Int
        public var weight: Int
        public var points: Int
    }

    public let weights: [Int]
    /// The points each candidate covers.
    public let covers: [[Int32]]

    public init(weights: [Int], covers: [[Int32]]) {
        self.weights = weights
        self.covers = covers
    }

    /// Maximal covering (MCLP): up to `sites` candidates, each covering the most weight not yet
    /// covered (ties: more points, then the lower candidate index). Stops early when no candidate adds any.
    public func maximalCovering(sites: Int) -> [Choice] {
        greedy(limit: sites) { ($0.weight, $0.points) }
    }

    /// Set covering (LSCP): candidates, each covering the most points not yet covered (ties: more
    /// weight, then the lower index), until every point some candidate can reach is covered; then
    /// the sites made redundant by later ones are dropped (latest first), and what each remaining
    /// site adds is counted again in order. An upper bound on the fewest sites, not always the fewest.
    public func setCovering() -> [Choice] {
        let greedy = greedy(limit: .max) { ($0.points, $0.weight) }.map(\.candidate)
        return marginalGains(of: withoutRedundantSites(greedy))
    }

    /// The chosen candidates minus those whose every point others also cover, checked from the
    /// last chosen to the first (the later, smaller sites tend to make the early, large ones redundant).
    func withoutRedundantSites(_ chosen: [Int]) -> [Int] {
        var coverage = [Int](repeating: 0, count: weights.count)
        for candidate in chosen { for point in covers[candidate] { coverage[Int(point)] += 1 } }
        var kept = Set(chosen)
        for candidate in chosen.reversed() where covers[candidate].allSatisfy({ coverage[Int($0)] > 1 }) {
            kept.remove(candidate)
            for point in covers[candidate] { coverage[Int(point)] -= 1 }
        }
        return chosen.filter(kept.contains)
    }

    /// What each candidate newly covers, taken in this order.
    func marginalGains(of chosen: [Int]) -> [Choice] {
        var covered = [Bool](repeating: false, count: weights.count)
        return chosen.map { candidate in
            defer { for point in covers[candidate] { covered[Int(point)] = true } }
            return gain(of: candidate, given: covered)
        }
    }

    /// What a candidate covers that is not covered yet.
    private func gain(of candidate: Int, given covered: [Bool]) -> Choice {
        var choice = Choice(candidate: candidate, weight: 0, points: 0)
        for point in covers[candidate] where !covered[Int(point)] {
            choice.weight += weights[Int(point)]
            choice.points += 1
        }
        return choice
    }

    /// The points no candidate covers.
    public func uncoverable() -> [Int] {
        var reachable = [Bool](repeating: false, count: weights.count)
        for points in covers { for point in points { reachable[Int(point)] = true } }
        return reachable.indices.filter { !reachable[$0] }
    }

    private struct Bound: Comparable {
        var key: (Int, Int)
        var candidate: Int
        /// How many sites were chosen when `key` was computed: it is exact while that still holds.
        var round: Int

        static func < (a: Bound, b: Bound) -> Bool { a.key != b.key ? a.key < b.key : a.candidate > b.candidate }
        static func == (a: Bound, b: Bound) -> Bool { a.key == b.key && a.candidate == b.candidate }
    }

    private func greedy(limit: Int, key: (Choice) -> (Int, Int)) -> [Choice] {
        var covered = [Bool](repeating: false, count: weights.count)
        var heap = Heap<Bound>()
        for candidate in covers.indices {
            let choice = gain(of: candidate, given: covered)
            if choice.points > 0 { heap.insert(Bound(key: key(choice), candidate: candidate, round: 0)) }
        }
        var choices: [Choice] = []
        while choices.count < limit, let top = heap.popMax() {
            let choice = gain(of: top.candidate, given: covered)
            guard choice.points > 0 else { continue }
            if top.round == choices.count {
                choices.append(choice)
                for point in covers[top.candidate] { covered[Int(point)] = true }
            } else {
                heap.insert(Bound(key: key(choice), candidate: top.candidate, round: choices.count))
            }
        }
        return choices
    }
}
