/// The relays of one service (with the relay filters) that may cover communes: the part of a
/// gap query shared by ``RelayDirectory/gaps(_:territories:)`` and ``RelayDirectory/singleRelays(_:territories:)``.
struct CoverageCandidates {
    /// The service's index in the catalog, and the mask of it and every finer service.
    let service: Int
    let wanted: UInt64
    /// Whether each entry relays the service and passes the filters.
    let eligible: [Bool]
    /// Whether each entry relays the service and passes every filter but the moment.
    var passesAllButHours: [Bool] = []
    /// The question is about one moment (`openAt`): zones of intervention do not count.
    var timeSpecific = false
    /// With a moment: the relays (entry numbers) that passed everything else but were left out, for
    /// hours that are unknown (none, unreadable, undecided) or because they have no place (and so no hours).
    var unknownHours: [Int] = []
    var withoutPlace: [Int] = []
}

/// One relay covering a commune: through the radius (with its distance) or through its zone only.
struct Coverer: Equatable {
    var entry: Int
    /// nil when the relay lies beyond the radius (or has no location) and covers through its zone.
    var distanceKm: Double?
}

extension RelayDirectory {
    /// The relays a gap query counts.
    func candidates(for query: GapQuery) throws(QueryError) -> CoverageCandidates {
        let service = try catalog.service(named: query.service)
        let wanted = catalog.descendants[service]
        let filters = try RelayFilters(publics: query.publics, priseEnCharge: query.priseEnCharge, free: query.free,
                                       modalites: [], labels: query.labels, openAt: query.openAt, vocabularies: vocabularies)
        var unknownHours: [Int] = [], withoutPlace: [Int] = []
        let passesAllButHours = entries.map { $0.services & wanted != 0 && filters.acceptExceptHours($0) }
        let eligible = entries.enumerated().map { index, entry -> Bool in
            guard passesAllButHours[index] else { return false }
            guard query.openAt != nil else { return true }
            guard entry.kind == .place else {
                withoutPlace.append(index)
                return false
            }
            guard let open = filters.isOpen(entry) else {
                unknownHours.append(index)
                return false
            }
            return open
        }
        return CoverageCandidates(service: service, wanted: wanted, eligible: eligible, passesAllButHours: passesAllButHours,
                                  timeSpecific: query.openAt != nil, unknownHours: unknownHours, withoutPlace: withoutPlace)
    }

    /// The relays covering a commune: within `radiusKm` of its centroid (inclusive; each once), then
    /// those beyond it whose zone of intervention includes the commune (none at a given moment:
    /// a zone has no opening hours).
    func coverers(of commune: TerritoryTable.Commune, radiusKm: Double, _ candidates: CoverageCandidates) -> [Coverer] {
        var coverers: [Coverer] = []
        if commune.latitude.isFinite {
            grid.within(radiusKm, ofLatitude: commune.latitude, longitude: commune.longitude) { entry, distance in
                if candidates.eligible[entry] { coverers.append(Coverer(entry: entry, distanceKm: distance)) }
            }
        }
        var byZone = Set<Int32>()
        for key in candidates.timeSpecific ? [] : self.communes[commune.code]?.zoneKeys ?? [] {
            for (entry, services) in self.byZone[key] ?? [] where services & candidates.wanted != 0 && candidates.eligible[Int(entry)] {
                if let distance = distance(from: commune, to: Int(entry)), distance <= radiusKm { continue }
                byZone.insert(entry)
            }
        }
        return coverers + byZone.sorted().map { Coverer(entry: Int($0), distanceKm: nil) }
    }

    /// The distance from a commune's centroid to an entry, when both have a location.
    private func distance(from commune: TerritoryTable.Commune, to entry: Int) -> Double? {
        let target = entries[entry]
        guard commune.latitude.isFinite, target.latitude.isFinite, target.longitude.isFinite else { return nil }
        return Haversine.distanceKm(commune.latitude, commune.longitude, target.latitude, target.longitude)
    }
}

extension RelayDirectory {
    /// The located relays of a service within `radiusKm` of any of these points, by id (open at `openAt`, when given).
    func relayPoints(of service: String, near points: [(Double, Double)], radiusKm: Double,
                     openAt: LocalDateTime? = nil) throws(QueryError) -> [CoverageDiagram.Relay] {
        var query = GapQuery(service: service, radiusKm: radiusKm)
        query.openAt = openAt
        let candidates = try candidates(for: query)
        var found = Set<Int>()
        for (latitude, longitude) in points where latitude.isFinite && longitude.isFinite {
            grid.within(radiusKm, ofLatitude: latitude, longitude: longitude) { entry, _ in
                if candidates.eligible[entry] { found.insert(entry) }
            }
        }
        return found.map { entries[$0] }.sorted { $0.id < $1.id }
            .map { CoverageDiagram.Relay(id: $0.id, nom: $0.nom, latitude: $0.latitude, longitude: $0.longitude) }
    }
}
