import Foundation

extension Snapshot {
    /// The DOT graph a request describes.
    public func diagram(_ request: DiagramRequest) throws -> DOTGraph {
        try diagramSource.diagram(request, catalog: catalog) { directory }
    }
}

extension DiagramSource {
    /// The DOT graph a request describes; `directory` is read only for a coverage diagram, the one
    /// kind that needs the relays' coverage (the command line reads it only then).
    func diagram(_ request: DiagramRequest, catalog: ServiceCatalog, directory: () throws -> RelayDirectory) throws -> DOTGraph {
        let service = try request.service.map { catalog.slugs[try catalog.service(named: $0)] }
        switch request.kind {
        case .territory:
            guard let scope = request.scope else { throw DiagramError.missing(kind: .territory, field: .scope) }
            return try TerritoryDiagram.build(self, scope: scope)
        case .ego:
            guard let id = request.id else { throw DiagramError.missing(kind: .ego, field: .id) }
            return try EgoDiagram.build(self, id: id, hops: request.hops)
        case .service:
            guard let service else { throw DiagramError.missing(kind: .service, field: .service) }
            return try ServiceDiagram.build(self, service: service, scope: request.scope)
        case .coverage:
            guard let service else { throw DiagramError.missing(kind: .coverage, field: .service) }
            guard let scope = request.scope else { throw DiagramError.missing(kind: .coverage, field: .scope) }
            return try coverageDiagram(service: service, scope: scope, request: request, catalog: catalog, directory: try directory())
        case .week:
            guard let service else { throw DiagramError.missing(kind: .week, field: .service) }
            guard let scope = request.scope else { throw DiagramError.missing(kind: .week, field: .scope) }
            return try weekDiagram(service: service, scope: scope, request: request, catalog: catalog, directory: try directory())
        }
    }

    /// The week's coverage of `service` in `scope` as a heat table.
    private func weekDiagram(service: String, scope: String, request: DiagramRequest, catalog: ServiceCatalog,
                             directory: RelayDirectory) throws -> DOTGraph {
        var coverage = GapQuery(service: service, radiusKm: request.radiusKm)
        coverage.within = scope
        let report = try directory.week(WeekQuery(coverage: coverage, date: request.weekOf ?? LocalDateTime.inFrance(Date())), territories: territories)
        let (level, code) = try territories.resolve(scope)
        let monday = LocalDateTime(parsing: report.weekOf + "T00:00").map(DiagramParts.day) ?? report.weekOf
        // On two lines: the table, not the title, sets the drawing's width.
        let title = "Couverture dans la semaine — \(catalog.labels[try catalog.service(named: service)]) à \(DiagramParts.number(request.radiusKm)) km\n"
            + "\(territories.name(of: code, at: level)) (\(code)) — semaine du \(monday), \(report.population) habitants"
        return WeekDiagram.build(report, title: title)
    }

    private func coverageDiagram(service: String, scope: String, request: DiagramRequest, catalog: ServiceCatalog,
                                 directory: RelayDirectory) throws -> DOTGraph {
        let table = territories
        var query = GapQuery(service: service, radiusKm: request.radiusKm)
        query.within = scope
        query.openAt = request.openAt
        let gaps = try directory.gaps(query, territories: table)
        var classes: [(colour: String, text: String)]
        var colourClass: [String: Int] = [:]
        switch request.colouring {
        case .coverage:
            classes = [(DiagramStyle.covered, "Couverte par 2 relais ou plus"), (DiagramStyle.singleRelay, "Un seul relais"),
                       (DiagramStyle.uncovered, "Aucun relais à \(DiagramParts.number(request.radiusKm)) km")]
            for gap in gaps.territories { colourClass[gap.code] = max(0, 2 - min(2, (gap.relaysWithin ?? 0) + (gap.relaysByZone ?? 0))) }
        case .access:
            var accessQuery = AccessQuery(service: service)
            accessQuery.within = scope
            accessQuery.openAt = request.openAt
            let report = try directory.access(accessQuery, territories: table)
            classes = DiagramStyle.quantiles.enumerated().map { ($1, "Accessibilité (E2SFCA, 30 km) : quintile \($0 + 1)\($0 == 0 ? " (la plus faible)" : "")") }
            let ranked = report.communes.sorted { ($0.score, $0.code) < ($1.score, $1.code) }
            for (rank, commune) in ranked.enumerated() { colourClass[commune.code] = min(4, rank * 5 / max(1, ranked.count)) }
        }
        let communes = try table.communes(within: scope).map { table.communes[$0] }.map {
            CoverageDiagram.Commune(code: $0.code, nom: $0.nom, population: $0.population, latitude: $0.latitude, longitude: $0.longitude,
                                    colourClass: colourClass[$0.code] ?? 0)
        }
        let relays = try directory.relayPoints(of: service, near: communes.map { ($0.latitude, $0.longitude) }, radiusKm: request.radiusKm,
                                               openAt: request.openAt)
        let (level, code) = try table.resolve(scope)
        let date = relays.compactMap { graph.node($0.id).flatMap { dateMaj[$0] } }.max() ?? "(date inconnue)"
        let label = catalog.labels[try catalog.service(named: service)]
        var what = request.colouring == .access ? "Accessibilité (E2SFCA, 30 km) — \(label)" : "Couverture — \(label) à \(DiagramParts.number(request.radiusKm)) km"
        if let moment = request.openAt {
            let leftOut = try directory.appliedFilters(query, territories: table)
            what += " — relais ouverts \(DiagramParts.moment(moment)) (\(leftOut.unknownHoursLeftOut ?? 0) aux horaires inconnus écartés ; "
                + "zones d'intervention et \(leftOut.withoutPlaceLeftOut ?? 0) intervenants sans lieu non comptés)"
        }
        let without = gaps.communesWithoutLocation
        let apart = without.communes == 0 ? "" : without.communes == 1
            ? " — 1 commune sans coordonnées (\(without.population) hab.) non représentée"
            : " — \(without.communes) communes sans coordonnées (\(without.population) hab.) non représentées"
        return CoverageDiagram.build(
            title: "\(what) — \(table.name(of: code, at: level)) (\(code)) — données au \(date)\(apart)",
            communes: communes, relays: relays, classes: classes, marginKm: request.radiusKm)
    }
}
