extension RelayDirectory {
    /// The places and intermediaries that relay the query's service (or a finer one under it)
    /// within its radius, plus those whose zone of intervention covers the origin's commune and
    /// those offering it remotely; nearest first, then by id.
    ///
    /// - Complexity: O(grid cells in the radius + candidates), independent of the directory's size.
    public func relays(_ query: RelayQuery) throws(QueryError) -> [RelayResult] {
        try answer(query).relays
    }

    /// The relays of ``relays(_:)`` with what was understood: the service's label, the filters in
    /// their canonical labels, and how many relays `openAt` left out because their hours are unknown.
    public func answer(_ query: RelayQuery) throws(QueryError) -> RelayAnswer {
        let service = try catalog.service(named: query.service)
        let wanted = catalog.descendants[service]
        let filters = try RelayFilters(publics: query.publics, priseEnCharge: query.priseEnCharge, free: query.free,
                                       modalites: query.modalites, labels: query.labels, openAt: query.openAt, vocabularies: vocabularies)
        let (latitude, longitude, commune, asked) = try origin(query.origin)

        var found: [Int32: (distance: Double?, zone: Bool, remote: Bool)] = [:]
        grid.within(query.radiusKm, ofLatitude: latitude, longitude: longitude) { index, distance in
            if entries[index].services & wanted != 0 { found[Int32(index)] = (distance, false, false) }
        }
        for key in commune?.zoneKeys ?? [] {
            for (entry, services) in byZone[key] ?? [] where services & wanted != 0 {
                found[entry, default: (distance(to: Int(entry), latitude, longitude), false, false)].zone = true
            }
        }
        for entry in remote where entries[Int(entry)].remoteServices & wanted != 0 {
            found[entry, default: (distance(to: Int(entry), latitude, longitude), false, false)].remote = true
        }

        var results: [RelayResult] = []
        var unknownHours = 0
        for (index, match) in found {
            let entry = entries[Int(index)]
            guard filters.acceptExceptHours(entry) else { continue }
            switch filters.isOpen(entry) {
            case true?: break
            case false?: continue
            case nil: unknownHours += 1; continue
            }
            let members = entry.members.filter { $0.services & wanted != 0 && filters.acceptModalites(of: $0.member, in: entry) }
            results.append(RelayResult(
                id: entry.id, sourceIds: entry.mergedIds ?? [entry.id], nom: entry.nom, codeInsee: entry.codeInsee, distanceKm: match.distance,
                services: catalog.labels(in: entry.services & wanted), intermediaries: members.map(\.member), kind: entry.kind,
                remote: match.remote, zone: match.zone, horaires: entry.hoursText,
                latitude: entry.latitude.isNaN ? nil : entry.latitude, longitude: entry.longitude.isNaN ? nil : entry.longitude))
        }
        results.sort { NearestFirst.precedes(($0.distanceKm, $0.id), ($1.distanceKm, $1.id)) }
        if let limit = query.limit { results = Array(results.prefix(max(0, limit))) }
        var applied = filters.applied(service: catalog.labels[service], radiusKm: query.radiusKm)
        if query.openAt != nil { applied.unknownHoursLeftOut = unknownHours }
        return RelayAnswer(filters: applied, relays: results, commune: asked)
    }

    /// The origin's coordinates and its commune (for a point: the commune with the nearest centroid),
    /// with the commune as the code given was understood (nil for a point).
    private func origin(_ origin: RelayQuery.Origin) throws(QueryError) -> (Double, Double, Commune?, ResolvedTerritory?) {
        switch origin {
        case .commune(let code):
            let resolved = try territories.commune(code)
            guard let commune = communes[resolved.code] else { throw .unknownCommune(code) }
            return (commune.latitude, commune.longitude, commune, resolved)
        case .point(let latitude, let longitude):
            var nearest: (code: String, distance: Double)?
            var radius = 10.0
            while nearest == nil, radius <= 200 {
                communeGrid.within(radius, ofLatitude: latitude, longitude: longitude) { index, distance in
                    if distance < (nearest?.distance ?? .infinity) { nearest = (communeCodes[index], distance) }
                }
                radius *= 2
            }
            return (latitude, longitude, nearest.flatMap { communes[$0.code] }, nil)
        }
    }

    private func distance(to entry: Int, _ latitude: Double, _ longitude: Double) -> Double? {
        let target = entries[entry]
        guard target.latitude.isFinite, target.longitude.isFinite else { return nil }
        return Haversine.distanceKm(latitude, longitude, target.latitude, target.longitude)
    }
}
