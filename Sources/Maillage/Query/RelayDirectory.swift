/// A snapshot of who relays what where, indexed for ``RelayQuery``: loaded once from the store
/// (``Store/relayDirectory()``), then queried in memory.
public struct RelayDirectory: Sendable {
    /// A candidate answer: a place (with the intermediaries working there) or a placeless intermediary.
    struct Entry: Sendable {
        var id: String
        /// Every source id of a merged place, its own id first; nil for a place of one record.
        var mergedIds: [String]?
        var nom: String
        var kind: RelayResult.Kind
        var codeInsee: String?
        /// Own coordinates, else the commune's centroid, else nan.
        var latitude: Double
        var longitude: Double
        /// Services relayed here, by the place or anyone working here.
        var services: UInt64 = 0
        /// Services offered remotely.
        var remoteServices: UInt64 = 0
        var publics: Set<String> = []
        var priseEnCharge: Set<String> = []
        var frais: Set<String> = []
        var modalites: Set<String> = []
        var labels: Set<String> = []
        var hours: OpeningHours?
        var hoursText: String?
        var members: [(member: RelayResult.Member, services: UInt64)] = []
        /// The modalités each member offers itself, by member id.
        var memberModalites: [String: Set<String>] = [:]
    }

    struct Commune: Sendable {
        var latitude: Double
        var longitude: Double
        /// The zone keys that cover it: itself, its EPCI, département, région, and France.
        var zoneKeys: [String]
    }

    let catalog: ServiceCatalog
    let entries: [Entry]
    let grid: SpatialGrid
    /// Territory key ("commune:07186", "epci:200071413", "departement:07", "region:84", "france")
    /// → entries whose zone of intervention covers it, with the services of that zone.
    let byZone: [String: [(entry: Int32, services: UInt64)]]
    let remote: [Int32]
    let communes: [String: Commune]
    let communeGrid: SpatialGrid
    let communeCodes: [String]
    /// Valid values of each filter, for messages and matching.
    let vocabularies: [String: LabelMatcher]
    /// The territories, with names and the postal codes known: where a commune code given is read.
    public let territories: TerritoryTable

    init(catalog: ServiceCatalog, entries: [Entry], byZone: [String: [(entry: Int32, services: UInt64)]],
         communes: [(code: String, commune: Commune)], vocabularies: [String: LabelMatcher], territories: TerritoryTable) {
        self.territories = territories
        self.catalog = catalog
        self.entries = entries
        grid = SpatialGrid(latitudes: entries.map(\.latitude), longitudes: entries.map(\.longitude))
        self.byZone = byZone
        remote = entries.indices.filter { entries[$0].remoteServices != 0 }.map(Int32.init)
        self.communes = Dictionary(uniqueKeysWithValues: communes.map { ($0.code, $0.commune) })
        communeCodes = communes.map(\.code)
        communeGrid = SpatialGrid(latitudes: communes.map(\.commune.latitude), longitudes: communes.map(\.commune.longitude))
        self.vocabularies = vocabularies
    }

    /// How many places and placeless intermediaries the snapshot holds.
    public var count: Int { entries.count }
}

extension RelayDirectory {
    /// The values a filter accepts, as the taxonomy labels them (for forms and messages).
    public func values(of filter: QueryError.Filter) -> [String] {
        let field = filter == .labels ? "programmes" : filter.rawValue
        return vocabularies[field]?.labels ?? []
    }
}
