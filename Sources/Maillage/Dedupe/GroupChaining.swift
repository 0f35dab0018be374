/// Records chained into groups (union–find), where some pairs must never end in one group.
struct GroupChaining {
    private var parent: [Int]
    private var membersOfRoot: [Int: [Int]] = [:]
    private var apart: [Int: Set<Int>] = [:]

    init(count: Int) {
        parent = Array(0..<count)
    }

    mutating func root(of element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    mutating func sameGroup(_ a: Int, _ b: Int) -> Bool { root(of: a) == root(of: b) }

    /// The records of the group whose root is `root`.
    func members(of root: Int) -> [Int] { membersOfRoot[root] ?? [root] }

    /// Records that `a` and `b` are different places: no join puts them in one group.
    mutating func keepApart(_ a: Int, _ b: Int) {
        apart[a, default: []].insert(b)
        apart[b, default: []].insert(a)
    }

    /// Joins the groups of `a` and `b`, unless a record of one is kept apart from a record of the
    /// other, or `conflict` says a record of one cannot be one place with a record of the other.
    /// Returns whether they are one group now.
    @discardableResult
    mutating func join(_ a: Int, _ b: Int, unless conflict: (Int, Int) -> Bool = { _, _ in false }) -> Bool {
        let ra = root(of: a), rb = root(of: b)
        guard ra != rb else { return true }
        let first = members(of: ra), second = Set(members(of: rb))
        if first.contains(where: { !(apart[$0] ?? []).isDisjoint(with: second) }) { return false }
        if first.contains(where: { x in second.contains { y in conflict(x, y) } }) { return false }
        let (kept, absorbed) = first.count >= second.count ? (ra, rb) : (rb, ra)
        parent[absorbed] = kept
        membersOfRoot[kept] = members(of: kept) + members(of: absorbed)
        membersOfRoot[absorbed] = nil
        return true
    }
}
