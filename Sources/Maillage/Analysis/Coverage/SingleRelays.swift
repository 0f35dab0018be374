/// "Which single closure would cut a whole area off?": the communes covered by exactly one relay
/// of a service, and the relays on which the most inhabitants depend alone.
public struct SingleRelayReport: Sendable, Equatable, Codable {
    public var service: String
    public var radiusKm: Double
    /// Inhabitants of the communes covered by one relay only.
    public var singleRelayPopulation: Int
    /// Inhabitants of the scope, and those covered at all.
    public var population: Int
    public var coveredPopulation: Int
    /// The communes covered by one relay only, most inhabitants first.
    public var communes: [Dependent]
    /// The relays those communes depend on, most dependent inhabitants first.
    public var criticalRelays: [CriticalRelay]
    /// The territory of `within`, as understood (nil when the query had none).
    public var within: ResolvedTerritory? = nil
    /// Communes of the scope with no coordinates: left out of every figure above, counted here.
    public var communesWithoutLocation = CommunesWithoutLocation()

    public struct Dependent: Sendable, Equatable, Codable {
        public var code: String
        public var nom: String
        public var population: Int
        public var relayId: String
        public var relayNom: String
        /// nil when the relay covers the commune through its zone of intervention.
        public var distanceKm: Double?

        enum CodingKeys: String, CodingKey {
            case code, nom, population
            case relayId = "relay_id"
            case relayNom = "relay_nom"
            case distanceKm = "distance_km"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(nom, forKey: .nom)
            try container.encode(population, forKey: .population)
            try container.encode(relayId, forKey: .relayId)
            try container.encode(relayNom, forKey: .relayNom)
            try container.encode(distanceKm, forKey: .distanceKm)
        }
    }

    public struct CriticalRelay: Sendable, Equatable, Codable {
        public var id: String
        public var nom: String
        public var codeInsee: String?
        /// Communes, and their inhabitants, that only this relay covers.
        public var communes: Int
        public var population: Int

        enum CodingKeys: String, CodingKey {
            case id, nom
            case codeInsee = "code_insee"
            case communes, population
        }
    }

    enum CodingKeys: String, CodingKey {
        case within
        case communesWithoutLocation = "communes_without_location"
        case service
        case radiusKm = "radius_km"
        case singleRelayPopulation = "single_relay_population"
        case population
        case coveredPopulation = "covered_population"
        case communes
        case criticalRelays = "critical_relays"
    }
}

extension RelayDirectory {
    /// The communes of the query's scope that exactly one relay covers (within the radius or by
    /// its zone, with the query's filters), and the relays they depend on. `minRelays` is not used.
    public func singleRelays(_ query: GapQuery, territories: TerritoryTable) throws(QueryError) -> SingleRelayReport {
        let candidates = try candidates(for: query)
        var dependents: [SingleRelayReport.Dependent] = []
        var critical: [Int: SingleRelayReport.CriticalRelay] = [:]
        var population = 0, covered = 0
        let within = try query.within.map(territories.territory)
        let (scope, withoutLocation) = territories.locatedCommunes(in: within)
        for index in scope {
            let commune = territories.communes[index]
            let coverers = coverers(of: commune, radiusKm: query.radiusKm, candidates)
            population += commune.population
            covered += coverers.isEmpty ? 0 : commune.population
            guard coverers.count == 1, let only = coverers.first, commune.population > 0 else { continue }
            let relay = entries[only.entry]
            dependents.append(.init(code: commune.code, nom: commune.nom, population: commune.population,
                                    relayId: relay.id, relayNom: relay.nom, distanceKm: only.distanceKm))
            critical[only.entry, default: .init(id: relay.id, nom: relay.nom, codeInsee: relay.codeInsee, communes: 0, population: 0)].communes += 1
            critical[only.entry]?.population += commune.population
        }
        return SingleRelayReport(
            service: catalog.labels[candidates.service], radiusKm: query.radiusKm,
            singleRelayPopulation: dependents.reduce(0) { $0 + $1.population }, population: population, coveredPopulation: covered,
            communes: dependents.sorted { ($0.population, $1.code) > ($1.population, $0.code) },
            criticalRelays: critical.values.sorted { ($0.population, $0.communes, $1.id) > ($1.population, $1.communes, $0.id) },
            within: within, communesWithoutLocation: withoutLocation)
    }
}
