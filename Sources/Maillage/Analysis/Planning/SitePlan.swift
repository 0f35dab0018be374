/// "Where should the next relays go?": `maillage plan`.
public struct PlanQuery: Sendable {
    public enum Candidates: String, Sendable, Codable, CaseIterable {
        /// A new relay at any commune's centroid.
        case communes
        /// The service added at an existing place that does not relay it yet.
        case places
        /// At a moment (``GapQuery/openAt``): the relays of the service closed then (or whose hours
        /// are unknown), as if they opened then.
        case closed
    }

    /// What counts as covered now (service, radius, scope and relay filters; `minRelays` unused).
    /// With ``GapQuery/openAt``, covered then: only the relays open at that moment count.
    public var coverage: GapQuery
    /// How many new sites (maximal covering).
    public var sites = 3
    public var candidates: Candidates = .communes
    /// Instead of `sites`, the fewest sites covering every inhabited commune (set covering).
    public var coverAll = false

    public init(coverage: GapQuery) {
        self.coverage = coverage
    }
}

/// New sites, in the order chosen, with what each adds.
public struct SitePlan: Sendable, Equatable, Codable {
    public var service: String
    public var radiusKm: Double
    public var candidates: PlanQuery.Candidates
    /// `mclp` (the most inhabitants with `sites` sites) or `lscp` (everyone with the fewest).
    public var objective: String
    public var population: Int
    public var uncoveredPopulationBefore: Int
    public var uncoveredCommunesBefore: Int
    public var sites: [PlannedSite]
    public var uncoveredPopulationAfter: Int
    /// Inhabited uncovered communes that no candidate can reach.
    public var uncoverable: [CommunePopulation]
    /// The territory of `within`, as understood (nil when the query had none).
    public var within: ResolvedTerritory? = nil
    /// Communes of the scope with no coordinates: left out of every figure above, counted here.
    public var communesWithoutLocation = CommunesWithoutLocation()

    public struct PlannedSite: Sendable, Equatable, Codable {
        public var rank: Int
        /// The commune's INSEE code, or the place's id.
        public var id: String
        public var nom: String
        public var codeInsee: String?
        public var latitude: Double
        public var longitude: Double
        /// Inhabitants and communes this site newly covers.
        public var coveredPopulation: Int
        public var coveredCommunes: Int
        public var cumulativeCoveredPopulation: Int

        enum CodingKeys: String, CodingKey {
            case rank, id, nom
            case codeInsee = "code_insee"
            case latitude, longitude
            case coveredPopulation = "covered_population"
            case coveredCommunes = "covered_communes"
            case cumulativeCoveredPopulation = "cumulative_covered_population"
        }
    }

    enum CodingKeys: String, CodingKey {
        case within
        case communesWithoutLocation = "communes_without_location"
        case service
        case radiusKm = "radius_km"
        case candidates, objective, population
        case uncoveredPopulationBefore = "uncovered_population_before"
        case uncoveredCommunesBefore = "uncovered_communes_before"
        case sites
        case uncoveredPopulationAfter = "uncovered_population_after"
        case uncoverable
    }
}

extension RelayDirectory {
    /// Where to add relays of the service so as to cover the inhabited communes of the scope that
    /// no relay covers now: a candidate covers the communes whose centroid lies within the radius.
    public func plan(_ query: PlanQuery, territories: TerritoryTable) throws(QueryError) -> SitePlan {
        let candidates = try candidates(for: query.coverage)
        let within = try query.coverage.within.map(territories.territory)
        let (scope, withoutLocation) = territories.locatedCommunes(in: within)
        let radius = query.coverage.radiusKm

        // Demand: the inhabited communes with no relay now.
        var population = 0
        var demand: [TerritoryTable.Commune] = []
        for index in scope {
            let commune = territories.communes[index]
            population += commune.population
            if commune.population > 0, coverers(of: commune, radiusKm: radius, candidates).isEmpty { demand.append(commune) }
        }
        let sites = candidateSites(query.candidates, scope: scope, territories: territories, candidates: candidates)
        let grid = SpatialGrid(latitudes: demand.map(\.latitude), longitudes: demand.map(\.longitude))
        let covers = sites.map { site in
            var points: [Int32] = []
            grid.within(radius, ofLatitude: site.latitude, longitude: site.longitude) { point, _ in points.append(Int32(point)) }
            return points.sorted()
        }
        let problem = GreedyCovering(weights: demand.map(\.population), covers: covers)
        let choices = query.coverAll ? problem.setCovering() : problem.maximalCovering(sites: query.sites)

        var cumulative = 0
        let planned = choices.enumerated().map { rank, choice in
            cumulative += choice.weight
            var site = sites[choice.candidate]
            site.rank = rank + 1
            site.coveredPopulation = choice.weight
            site.coveredCommunes = choice.points
            site.cumulativeCoveredPopulation = cumulative
            return site
        }
        let uncoveredBefore = demand.reduce(0) { $0 + $1.population }
        return SitePlan(
            service: catalog.labels[candidates.service], radiusKm: radius, candidates: query.candidates,
            objective: query.coverAll ? "lscp" : "mclp", population: population, uncoveredPopulationBefore: uncoveredBefore,
            uncoveredCommunesBefore: demand.count, sites: planned, uncoveredPopulationAfter: uncoveredBefore - cumulative,
            uncoverable: problem.uncoverable().map { .init(code: demand[$0].code, nom: demand[$0].nom, population: demand[$0].population) },
            within: within, communesWithoutLocation: withoutLocation)
    }

    /// The candidate sites, in a stable order: the scope's communes with a centroid, or its places
    /// with a location that do not relay the service (with the filters) yet.
    private func candidateSites(_ kind: PlanQuery.Candidates, scope: [Int], territories: TerritoryTable,
                                candidates: CoverageCandidates) -> [SitePlan.PlannedSite] {
        let eligible = candidates.eligible
        let site = { (id: String, nom: String, code: String?, latitude: Double, longitude: Double) in
            SitePlan.PlannedSite(rank: 0, id: id, nom: nom, codeInsee: code, latitude: latitude, longitude: longitude,
                                 coveredPopulation: 0, coveredCommunes: 0, cumulativeCoveredPopulation: 0)
        }
        switch kind {
        case .communes:
            return scope.map { territories.communes[$0] }.filter { $0.latitude.isFinite && $0.longitude.isFinite }
                .map { site($0.code, $0.nom, $0.code, $0.latitude, $0.longitude) }
        case .places:
            let codes = Set(scope.map { territories.communes[$0].code })
            return entries.indices.filter { index in
                let entry = entries[index]
                return entry.kind == .place && !eligible[index] && entry.latitude.isFinite && entry.longitude.isFinite
                    && entry.codeInsee.map(codes.contains) == true
            }.map { site(entries[$0].id, entries[$0].nom, entries[$0].codeInsee, entries[$0].latitude, entries[$0].longitude) }
        case .closed:
            // The relays of the service that the moment left out: closed then, or hours unknown.
            let codes = Set(scope.map { territories.communes[$0].code })
            return entries.indices.filter { index in
                let entry = entries[index]
                return entry.kind == .place && candidates.passesAllButHours[index] && !eligible[index]
                    && entry.latitude.isFinite && entry.longitude.isFinite && entry.codeInsee.map(codes.contains) == true
            }.map { site(entries[$0].id, entries[$0].nom, entries[$0].codeInsee, entries[$0].latitude, entries[$0].longitude) }
        }
    }
}
