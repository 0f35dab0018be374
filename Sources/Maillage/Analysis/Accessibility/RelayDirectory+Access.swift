extension RelayDirectory {
    /// The accessibility of the query's service for every commune, by 2SFCA or E2SFCA on
    /// haversine distances from commune centroids to places. The supply of a place is the sum of
    /// the known headcounts of the intermediaries relaying the service there (or a finer one), or 1
    /// when none is known; placeless intermediaries take no part. Remote help does not count. At a
    /// moment (`openAt`), only places open then count; those whose hours are unknown are counted apart.
    /// Communes without coordinates take no part either (not even in the mean): they are counted apart.
    public func access(_ query: AccessQuery, territories: TerritoryTable, fragility: FragilityIndex = FragilityIndex()) throws(QueryError) -> AccessReport {
        let service = try catalog.service(named: query.service)
        let wanted = catalog.descendants[service]
        let within = try query.within.map(territories.territory)
        let (scope, withoutLocation) = territories.locatedCommunes(in: within)

        var relaying = entries.filter { $0.kind == .place && $0.services & wanted != 0 }
        var unknownHours = 0
        if let moment = query.openAt {
            relaying = relaying.filter { entry in
                guard let open = entry.hours?.isOpen(at: moment) else { unknownHours += 1; return false }
                return open
            }
        }
        let located = relaying.filter { $0.latitude.isFinite && $0.longitude.isFinite }
        let supply = located.map { entry in
            FloatingCatchment.Point(latitude: entry.latitude, longitude: entry.longitude, value: Self.supply(of: entry, wanted: wanted))
        }
        let demand = try Self.demand(query.demand, territories: territories, fragility: fragility)
        let points = territories.communes.indices.map { index in
            FloatingCatchment.Point(latitude: territories.communes[index].latitude, longitude: territories.communes[index].longitude,
                                    value: demand.values[index])
        }
        let method = FloatingCatchment(catchmentKm: query.effectiveCatchmentKm, weighting: query.weighting)
        let scores = method.scores(demand: points, supply: supply)
        // Communes without location take no part in the mean: no site can be measured to reach them.
        let locatedDemand = zip(territories.communes, demand.values).map { $0.hasLocation ? $1 : 0 }
        let normalized = FloatingCatchment.normalized(scores, demand: locatedDemand)

        let communes = scope.map { index in
            let commune = territories.communes[index]
            return CommuneAccess(code: commune.code, nom: commune.nom, population: commune.population, demand: demand.values[index],
                                 score: scores[index], normalized: normalized[index])
        }
        var report = AccessReport(
            service: catalog.labels[service], method: query.method, catchmentKm: query.effectiveCatchmentKm,
            bands: query.method == .enhanced ? query.bands ?? DistanceWeighting.defaultBands : nil, demand: query.demand,
            sites: supply.count, supply: supply.reduce(0) { $0 + $1.value }, sitesWithoutLocation: relaying.count - located.count,
            meanScore: FloatingCatchment.mean(scores, demand: locatedDemand), fragilityFromEpci: demand.fromEpci, fragilityFromMean: demand.fromMean,
            populationWithoutAccess: communes.filter { $0.score == 0 }.reduce(0) { $0 + $1.population }, communes: communes,
            within: within, communesWithoutLocation: withoutLocation)
        report.openAt = query.openAt?.description
        report.unknownHoursLeftOut = query.openAt == nil ? nil : unknownHours
        return report
    }

    /// The supply of a place for a service: the known headcounts of those relaying it there, or 1.
    static func supply(of entry: Entry, wanted: UInt64) -> Double {
        let headcounts = entry.members.filter { $0.services & wanted != 0 }.compactMap(\.member.headcount)
        return headcounts.isEmpty ? 1 : Double(headcounts.reduce(0, +))
    }

    /// The demand of every commune, in the table's order.
    static func demand(_ kind: AccessQuery.Demand, territories: TerritoryTable,
                       fragility: FragilityIndex) throws(QueryError) -> (values: [Double], fromEpci: Int?, fromMean: Int?) {
        let populations = territories.communes.map { Double($0.population) }
        guard kind == .fragility else { return (populations, nil, nil) }
        guard !fragility.isEmpty else { throw .noFragilityIndex }
        // Communes absent from the index altogether take the population-weighted mean index.
        var weighted = 0.0, population = 0.0
        for commune in territories.communes {
            guard let index = fragility.byCommune[commune.code] else { continue }
            weighted += index.value * Double(commune.population)
            population += Double(commune.population)
        }
        let mean = population > 0 ? weighted / population : 0
        var fromEpci = 0, fromMean = 0
        let values = territories.communes.map { commune in
            let index = fragility.byCommune[commune.code]
            if index?.source == .epci { fromEpci += 1 }
            if index == nil { fromMean += 1 }
            return Double(commune.population) * (index?.value ?? mean) / 10
        }
        return (values, fromEpci, fromMean)
    }
}
