extension RelayDirectory {
    /// What a coverage question (`gaps`, `fragility`, `plan`) was understood to ask: the service's
    /// label, the radius and the filters in their canonical labels.
    public func appliedFilters(_ query: GapQuery) throws(QueryError) -> AppliedFilters {
        let filters = try RelayFilters(publics: query.publics, priseEnCharge: query.priseEnCharge, free: query.free,
                                       modalites: [], labels: query.labels, openAt: nil, vocabularies: vocabularies)
        return filters.applied(service: catalog.labels[try catalog.service(named: query.service)], radiusKm: query.radiusKm)
    }

    /// ``appliedFilters(_:)`` with the territory the question keeps (`within`), named by its kind,
    /// code and name as `territories` resolves it.
    public func appliedFilters(_ query: GapQuery, territories: TerritoryTable) throws(QueryError) -> AppliedFilters {
        var applied = try appliedFilters(query)
        applied.within = try query.within.map { scope throws(QueryError) in try territories.label(of: scope) }
        return applied
    }
}
