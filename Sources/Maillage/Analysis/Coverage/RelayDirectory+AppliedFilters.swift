extension RelayDirectory {
    /// What a coverage question (`gaps`, `fragility`, `plan`) was understood to ask: the service's
    /// label, the radius and the filters in their canonical labels.
    public func appliedFilters(_ query: GapQuery) throws(QueryError) -> AppliedFilters {
        try appliedFilters(query, leftOutWithin: nil)
    }

    /// ``appliedFilters(_:)`` with the territory the question keeps (`within`), named by its kind,
    /// code and name as `territories` resolves it. With a moment, the relays left out are those of
    /// the territory (``leftOut(unknownHours:withoutPlace:within:territories:)``).
    public func appliedFilters(_ query: GapQuery, territories: TerritoryTable) throws(QueryError) -> AppliedFilters {
        var applied = try appliedFilters(query, leftOutWithin: territories)
        applied.within = try query.within.map { scope throws(QueryError) in try territories.label(of: scope) }
        return applied
    }

    private func appliedFilters(_ query: GapQuery, leftOutWithin territories: TerritoryTable?) throws(QueryError) -> AppliedFilters {
        let filters = try RelayFilters(publics: query.publics, priseEnCharge: query.priseEnCharge, free: query.free,
                                       modalites: [], labels: query.labels, openAt: query.openAt, vocabularies: vocabularies)
        var applied = filters.applied(service: catalog.labels[try catalog.service(named: query.service)], radiusKm: query.radiusKm)
        if query.openAt != nil {
            let candidates = try candidates(for: query)
            (applied.unknownHoursLeftOut, applied.withoutPlaceLeftOut) = try leftOut(
                unknownHours: candidates.unknownHours, withoutPlace: candidates.withoutPlace,
                within: territories == nil ? nil : query.within, territories: territories)
        }
        return applied
    }

    /// How many of the relays a moment left out (entry numbers) concern the territory `scope`:
    /// places in its communes, and relays without a place whose zone of intervention reaches one of
    /// them; all of them without a scope.
    func leftOut(unknownHours: [Int], withoutPlace: [Int], within scope: String?,
                 territories: TerritoryTable?) throws(QueryError) -> (unknownHours: Int, withoutPlace: Int) {
        guard let scope, let territories else { return (unknownHours.count, withoutPlace.count) }
        let codes = Set(try territories.communes(within: scope).map { territories.communes[$0].code })
        let reached = Set(codes.flatMap { code in (communes[code]?.zoneKeys ?? []).flatMap { byZone[$0] ?? [] }.map { Int($0.0) } })
        return (unknownHours.filter { entries[$0].codeInsee.map(codes.contains) == true }.count, withoutPlace.filter(reached.contains).count)
    }
}
