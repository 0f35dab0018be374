/// What `dedupe` finds: the merges it proposes (or made), the near-misses to review, and counts.
public struct DedupeProposal: Sendable, Equatable, Encodable {
    /// One side of a pair.
    public struct Side: Sendable, Equatable, Codable {
        public var id: String
        public var nom: String
        public var source: String
        public var codeInsee: String?
        public var adresse: String?

        enum CodingKeys: String, CodingKey { case id, nom, source, codeInsee = "code_insee", adresse }
    }

    /// Two records and how they compare.
    public struct Pair: Sendable, Equatable, Encodable {
        public var first: Side
        public var second: Side
        public var rule: MergeDecision.Rule
        public var score: Double
        public var comparison: PairComparison
        public var reason: String { comparison.reason }

        enum CodingKeys: String, CodingKey { case first, second, rule, score, reason, comparison }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(first, forKey: .first)
            try container.encode(second, forKey: .second)
            try container.encode(rule, forKey: .rule)
            try container.encode(score, forKey: .score)
            try container.encode(reason, forKey: .reason)
            try container.encode(comparison, forKey: .comparison)
        }
    }

    /// A count under a name ("CNFS × Aidants Connect", "different_communes").
    public struct Count: Sendable, Equatable, Codable {
        public var name: String
        public var count: Int
    }

    /// Active place records compared, and from how many sources.
    public var records: Int
    public var sources: Int
    /// Candidate pairs from blocking, against every pair of records.
    public var pairsExamined: Int
    public var allPairs: Int
    /// The merges, best score first: each pair joins two groups (or records) into one.
    public var merges: [Pair]
    /// The places these merges make or grow, each as its records' ids.
    public var groups: [[String]]
    /// Merges by pair of source families (CNFS, Aidants Connect, lieux).
    public var bySourcePair: [Count]
    /// Pairs scoring from 70 up to their threshold, best first, not vetoed nor merged.
    public var nearMisses: [Pair]
    /// Pairs kept apart by a veto, by veto.
    public var vetoes: [Count]
    /// Pairs whose records are one place already.
    public var alreadyMerged: Int
    /// Pairs over the threshold kept apart because a person recorded them (or records of their
    /// groups) as different places, or because the join would put two records a veto keeps apart
    /// into one group.
    public var keptApart: Int
    /// Whether the merges were made (false for a dry run).
    public var applied: Bool
    /// Why nothing was compared, when nothing was (an empty directory, a single source).
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case records, sources, merges, groups, applied, note, vetoes
        case pairsExamined = "pairs_examined", allPairs = "all_pairs", bySourcePair = "by_source_pair"
        case nearMisses = "near_misses", alreadyMerged = "already_merged", keptApart = "kept_apart"
    }
}

extension DedupeProposal {
    /// The near-misses, as the quality report lists them.
    public var likelyDuplicates: [LikelyDuplicate] {
        nearMisses.map { LikelyDuplicate(firstId: $0.first.id, firstNom: $0.first.nom, secondId: $0.second.id, secondNom: $0.second.nom, score: $0.score) }
    }
}
