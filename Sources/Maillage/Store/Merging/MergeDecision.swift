/// A decision to merge two place records into one real place, as `dedupe` takes it.
public struct MergeDecision: Sendable, Equatable {
    /// Why the two records are one place.
    public enum Rule: String, Sendable, Codable {
        /// The same SIRET in the same commune.
        case siret
        /// A similarity score (name, street, distance) at or above the threshold.
        case score
    }

    /// The records' node ids.
    public var first: Int64
    public var second: Int64
    public var rule: Rule
    /// 0 to 100.
    public var score: Double
    /// The reason in words ("same SIRET 13002526500013", "name 92, street 100, distance 100").
    public var reason: String

    public init(first: Int64, second: Int64, rule: Rule, score: Double, reason: String) {
        self.first = first
        self.second = second
        self.rule = rule
        self.score = score
        self.reason = reason
    }
}

/// A real place made of several source records, as stored.
public struct MergedPlace: Sendable, Equatable, Codable {
    /// The public id of its primary record: the id the place answers to.
    public var id: String
    public var nom: String
    /// Every record's public id, the primary one first.
    public var sourceIds: [String]
}

/// A record's place in a merge group: which group, and whether it heads it.
struct GroupMembership: Hashable {
    var nodeId: Int64
    var headId: Int64
}
