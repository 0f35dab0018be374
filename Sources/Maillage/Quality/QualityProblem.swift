/// One problem the quality report found: a row a coordinator can act on.
///
/// Value problems (``QualityProblemKind/concernsSourceRecord``) name the source record, so that
/// the source holding the value can be fixed; the others name the real place (one per merged
/// group), intermediary or referral.
public struct QualityProblem: Sendable, Equatable, Codable {
    public var kind: QualityProblemKind
    /// The public id of the source record, place or intermediary (for a referral: its source).
    public var id: String
    public var nom: String
    /// The source the record comes from; for a merged place, its records' sources, `|`-separated.
    public var source: String
    /// The field concerned: a column of the national schema, or `coordinates`, `services`,
    /// `works_at`, `target_id`…; nil when the problem is the whole record.
    public var field: String?
    /// The value as stored.
    public var value: String?
    /// What the field should hold.
    public var expected: String?
    /// For opening hours: where reading stopped (0-based character offset).
    public var position: Int?
    /// The other record concerned: a referral's target, a likely duplicate.
    public var otherId: String?
    /// The problem in a sentence.
    public var detail: String

    public init(kind: QualityProblemKind, id: String, nom: String, source: String, field: String? = nil, value: String? = nil,
                expected: String? = nil, position: Int? = nil, otherId: String? = nil, detail: String) {
        self.kind = kind
        self.id = id
        self.nom = nom
        self.source = source
        self.field = field
        self.value = value
        self.expected = expected
        self.position = position
        self.otherId = otherId
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case kind, id, nom, source, field, value, expected, position, detail
        case otherId = "other_id"
    }

    /// Every key is written, absent values as null, so that each row has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(id, forKey: .id)
        try container.encode(nom, forKey: .nom)
        try container.encode(source, forKey: .source)
        try container.encode(field, forKey: .field)
        try container.encode(value, forKey: .value)
        try container.encode(expected, forKey: .expected)
        try container.encode(position, forKey: .position)
        try container.encode(otherId, forKey: .otherId)
        try container.encode(detail, forKey: .detail)
    }

    /// The order of a report: by kind, then id, field, value and other id.
    static func precedes(_ a: QualityProblem, _ b: QualityProblem) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if a.id != b.id { return a.id < b.id }
        if (a.field ?? "") != (b.field ?? "") { return (a.field ?? "") < (b.field ?? "") }
        if (a.value ?? "") != (b.value ?? "") { return (a.value ?? "") < (b.value ?? "") }
        return (a.otherId ?? "") < (b.otherId ?? "")
    }
}
