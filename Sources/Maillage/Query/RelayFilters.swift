/// The query's filters, validated against the vocabularies once.
struct RelayFilters {
    var publics: [String] = []
    var priseEnCharge: [String] = []
    var free = false
    var modalites: [String] = []
    var labels: [String] = []
    var openAt: LocalDateTime?

    init(publics: [String], priseEnCharge: [String], free: Bool, modalites: [String], labels: [String], openAt: LocalDateTime?,
         vocabularies: [String: LabelMatcher]) throws(QueryError) {
        self.publics = try Self.canonical(publics, .publics, vocabularies["publics_specifiquement_adresses"])
        self.priseEnCharge = try Self.canonical(priseEnCharge, .priseEnCharge, vocabularies["prise_en_charge_specifique"])
        self.modalites = try Self.canonical(modalites, .modalites, vocabularies["modalites_accompagnement"])
        self.labels = try Self.canonical(labels, .labels, vocabularies["programmes"])
        self.free = free
        self.openAt = openAt
    }

    /// Whether the place (or placeless intermediary) passes every filter but the per-member ones.
    func accept(_ entry: RelayDirectory.Entry) -> Bool {
        acceptExceptHours(entry) && isOpen(entry) == true
    }

    /// Whether the entry is open at ``openAt`` (true when no moment is asked); nil when its hours
    /// are unknown: none given, unreadable, or unable to decide.
    func isOpen(_ entry: RelayDirectory.Entry) -> Bool? {
        guard let openAt else { return true }
        return entry.hours?.isOpen(at: openAt)
    }

    /// The filters applied, in their canonical labels, for a question on `service` within `radiusKm`.
    func applied(service: String, radiusKm: Double?) -> AppliedFilters {
        var applied = AppliedFilters(service: service, radiusKm: radiusKm)
        applied.publics = publics
        applied.priseEnCharge = priseEnCharge
        applied.free = free
        applied.modalites = modalites
        applied.labels = labels
        applied.openAt = openAt?.description
        return applied
    }

    /// Whether the entry passes every filter but ``openAt`` and the per-member ones.
    func acceptExceptHours(_ entry: RelayDirectory.Entry) -> Bool {
        if !publics.allSatisfy(entry.publics.contains) { return false }
        if !priseEnCharge.allSatisfy(entry.priseEnCharge.contains) { return false }
        if free, !entry.frais.contains("Gratuit") { return false }
        if !labels.allSatisfy(entry.labels.contains) { return false }
        if !modalites.isEmpty {
            let offered = entry.modalites.union(entry.members.flatMap { memberModalites($0.member, entry) })
            if !modalites.allSatisfy(offered.contains) { return false }
        }
        return true
    }

    /// Members are listed when they offer the asked modalités themselves or through their place.
    func acceptModalites(of member: RelayResult.Member, in entry: RelayDirectory.Entry) -> Bool {
        modalites.isEmpty || modalites.allSatisfy(entry.modalites.union(memberModalites(member, entry)).contains)
    }

    private func memberModalites(_ member: RelayResult.Member, _ entry: RelayDirectory.Entry) -> Set<String> {
        entry.memberModalites[member.id] ?? []
    }

    private static func canonical(_ values: [String], _ filter: QueryError.Filter, _ matcher: LabelMatcher?) throws(QueryError) -> [String] {
        guard let matcher else { return values }
        return try values.map { value throws(QueryError) in
            switch matcher.match(value) {
            case .exact(let label), .corrected(let label): return label
            case .unknown: throw .unknownValue(filter, value: value, expected: matcher.labels)
            }
        }
    }
}
