/// A commune named with its population, in lists of communes losing or lacking coverage.
public struct CommunePopulation: Sendable, Equatable, Codable {
    public var code: String
    public var nom: String
    public var population: Int
}

/// "What if these places closed?": `maillage what-if`.
public struct WhatIfQuery: Sendable {
    /// Public ids of the places (or intermediaries) that close.
    public var closing: [String]
    /// The service to assess; every service the closing nodes relay when nil.
    public var service: String?
    /// Coverage radius, in km (inclusive).
    public var radiusKm: Double = 10
    /// The accessibility method and catchment (see ``AccessQuery``).
    public var method: AccessQuery.Method = .enhanced
    public var catchmentKm: Double?
    public var bands: [DistanceWeighting.Band]?
    /// Only the communes of this territory (the scores are computed nationally).
    public var within: String?
    /// Coverage and access at one moment (see ``GapQuery/openAt``).
    public var openAt: LocalDateTime?

    public init(closing: [String]) {
        self.closing = closing
    }
}

/// Covered population and accessibility of each service, before and after the closures.
public struct WhatIfReport: Sendable, Equatable, Codable {
    public var closed: [String]
    public var radiusKm: Double
    public var method: AccessQuery.Method
    public var catchmentKm: Double
    public var services: [ServiceImpact]
    /// The territory of `within`, as understood (nil when the query had none).
    public var within: ResolvedTerritory? = nil
    /// Communes of the scope with no coordinates: left out of every figure above, counted here.
    public var communesWithoutLocation = CommunesWithoutLocation()
    /// The moment coverage and access were taken at (local time in France), when one was asked.
    public var openAt: String? = nil

    enum CodingKeys: String, CodingKey {
        case openAt = "open_at"
        case within
        case communesWithoutLocation = "communes_without_location"
        case closed
        case radiusKm = "radius_km"
        case method
        case catchmentKm = "catchment_km"
        case services
    }

    public struct ServiceImpact: Sendable, Equatable, Codable {
        public var service: String
        public var population: Int
        public var coveredPopulationBefore: Int
        public var coveredPopulationAfter: Int
        /// Communes covered before and not after, most inhabitants first.
        public var newlyUncovered: [CommunePopulation]
        /// Population-weighted mean accessibility score of the scope.
        public var meanScoreBefore: Double
        public var meanScoreAfter: Double
        /// Inhabitants who had a site within the catchment and have none after.
        public var populationLosingAccess: Int
        /// Every commune whose score changed, largest loss (score × inhabitants) first.
        public var accessChanges: [AccessChange]
        /// At a moment (``WhatIfQuery/openAt``), before the closures: the relays of the territory
        /// left out for unknown hours, and those without a place (no hours); nil otherwise.
        public var unknownHoursLeftOut: Int? = nil
        public var withoutPlaceLeftOut: Int? = nil

        enum CodingKeys: String, CodingKey {
            case unknownHoursLeftOut = "unknown_hours_left_out"
            case withoutPlaceLeftOut = "without_place_left_out"
            case service, population
            case coveredPopulationBefore = "covered_population_before"
            case coveredPopulationAfter = "covered_population_after"
            case newlyUncovered = "newly_uncovered"
            case meanScoreBefore = "mean_score_before"
            case meanScoreAfter = "mean_score_after"
            case populationLosingAccess = "population_losing_access"
            case accessChanges = "access_changes"
        }
    }

    public struct AccessChange: Sendable, Equatable, Codable {
        public var code: String
        public var nom: String
        public var population: Int
        public var scoreBefore: Double
        public var scoreAfter: Double
        /// Each divided by the national mean of its own state.
        public var normalizedBefore: Double
        public var normalizedAfter: Double

        enum CodingKeys: String, CodingKey {
            case code, nom, population
            case scoreBefore = "score_before"
            case scoreAfter = "score_after"
            case normalizedBefore = "normalized_before"
            case normalizedAfter = "normalized_after"
        }
    }
}

extension WhatIfReport {
    /// Compares two snapshots of the same directory: `before`, and `after` the closures
    /// (``Store/relayDirectory(closing:)``).
    public init(_ query: WhatIfQuery, before: RelayDirectory, after: RelayDirectory, territories: TerritoryTable) throws(QueryError) {
        var services = before.services(relayedBy: Set(query.closing))
        if let service = query.service { services = [try before.catalog.service(named: service)] }
        var accessQuery = AccessQuery(service: "")
        accessQuery.method = query.method
        accessQuery.catchmentKm = query.catchmentKm
        accessQuery.bands = query.bands
        accessQuery.within = query.within
        accessQuery.openAt = query.openAt
        var impacts: [ServiceImpact] = []
        for service in services {
            let slug = before.catalog.slugs[service]
            var gapQuery = GapQuery(service: slug, radiusKm: query.radiusKm)
            gapQuery.within = query.within
            gapQuery.openAt = query.openAt
            accessQuery.service = slug
            var impact = ServiceImpact(
                gapsBefore: try before.gaps(gapQuery, territories: territories), gapsAfter: try after.gaps(gapQuery, territories: territories),
                accessBefore: try before.access(accessQuery, territories: territories), accessAfter: try after.access(accessQuery, territories: territories))
            if query.openAt != nil {
                let leftOut = try before.appliedFilters(gapQuery, territories: territories)
                impact.unknownHoursLeftOut = leftOut.unknownHoursLeftOut
                impact.withoutPlaceLeftOut = leftOut.withoutPlaceLeftOut
            }
            impacts.append(impact)
        }
        self.init(closed: query.closing, radiusKm: query.radiusKm, method: query.method, catchmentKm: accessQuery.effectiveCatchmentKm,
                  services: impacts, within: try query.within.map(territories.territory))
        communesWithoutLocation = territories.locatedCommunes(in: within).withoutLocation
        openAt = query.openAt?.description
    }
}

extension WhatIfReport.ServiceImpact {
    init(gapsBefore: GapReport, gapsAfter: GapReport, accessBefore: AccessReport, accessAfter: AccessReport) {
        let uncoveredBefore = Set(gapsBefore.territories.filter { $0.uncoveredCommunes > 0 }.map(\.code))
        let newlyUncovered = gapsAfter.territories.filter { $0.uncoveredCommunes > 0 && $0.population > 0 && !uncoveredBefore.contains($0.code) }
            .map { CommunePopulation(code: $0.code, nom: $0.nom, population: $0.population) }
        var changes: [WhatIfReport.AccessChange] = []
        var lostAccess = 0
        for (old, new) in zip(accessBefore.communes, accessAfter.communes) where old.score != new.score {
            changes.append(.init(code: old.code, nom: old.nom, population: old.population, scoreBefore: old.score, scoreAfter: new.score,
                                 normalizedBefore: old.normalized, normalizedAfter: new.normalized))
            if old.score > 0, new.score == 0 { lostAccess += old.population }
        }
        let loss = { (change: WhatIfReport.AccessChange) in (change.scoreBefore - change.scoreAfter) * Double(change.population) }
        self.init(service: gapsBefore.service, population: gapsBefore.population,
                  coveredPopulationBefore: gapsBefore.population - gapsBefore.uncoveredPopulation,
                  coveredPopulationAfter: gapsAfter.population - gapsAfter.uncoveredPopulation, newlyUncovered: newlyUncovered,
                  meanScoreBefore: Self.mean(accessBefore.communes), meanScoreAfter: Self.mean(accessAfter.communes),
                  populationLosingAccess: lostAccess,
                  accessChanges: changes.sorted { (loss($0), $1.code) > (loss($1), $0.code) })
    }

    /// The population-weighted mean score of these communes.
    private static func mean(_ communes: [CommuneAccess]) -> Double {
        FloatingCatchment.mean(communes.map(\.score), demand: communes.map { Double($0.population) })
    }
}

extension RelayDirectory {
    /// The services (catalog indices, in catalog order) relayed by these places or intermediaries.
    func services(relayedBy ids: Set<String>) -> [Int] {
        var mask: UInt64 = 0
        for entry in entries {
            if ids.contains(entry.id) { mask |= entry.services }
            for (member, services) in entry.members where ids.contains(member.id) { mask |= services }
        }
        return catalog.labels.indices.filter { mask & UInt64(1) << UInt64($0) != 0 }
    }
}
