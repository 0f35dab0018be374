/// What the quality report found: how many problems of each kind, and the rows themselves.
public struct QualityReport: Sendable, Equatable, Encodable {
    /// The day `date_maj` is measured from (YYYY-MM-DD).
    public var today: String
    /// Records not updated since before this day are stale (YYYY-MM-DD).
    public var staleBefore: String
    /// What was checked: active source records of places, real places, intermediaries and referrals.
    public var checked: Checked
    /// Every problem, by kind, then id.
    public var problems: [QualityProblem]

    public struct Checked: Sendable, Equatable, Codable {
        public var sourceRecords = 0
        public var places = 0
        public var intermediaries = 0
        public var referrals = 0

        enum CodingKeys: String, CodingKey {
            case sourceRecords = "source_records"
            case places, intermediaries, referrals
        }
    }

    public init(today: String, staleBefore: String, checked: Checked, problems: [QualityProblem]) {
        self.today = today
        self.staleBefore = staleBefore
        self.checked = checked
        self.problems = problems.sorted(by: QualityProblem.precedes)
    }

    /// How many problems of each kind (every kind, zero included), in the report's order.
    public var counts: [(kind: QualityProblemKind, count: Int)] {
        var byKind: [QualityProblemKind: Int] = [:]
        for problem in problems { byKind[problem.kind, default: 0] += 1 }
        return QualityProblemKind.allCases.map { ($0, byKind[$0] ?? 0) }
    }

    /// The problems of one kind.
    public func problems(of kind: QualityProblemKind) -> [QualityProblem] { problems.filter { $0.kind == kind } }

    public var isClean: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case today, checked, counts, problems
        case staleBefore = "stale_before"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(today, forKey: .today)
        try container.encode(staleBefore, forKey: .staleBefore)
        try container.encode(checked, forKey: .checked)
        try container.encode(Dictionary(uniqueKeysWithValues: counts.map { ($0.kind.rawValue, $0.count) }), forKey: .counts)
        try container.encode(problems, forKey: .problems)
    }
}
