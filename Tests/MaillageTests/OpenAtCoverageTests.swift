import Foundation
@testable import Maillage
import Testing

/// Coverage at one moment (`--open-at` on gaps, access, fragility, what-if, render coverage),
/// counted by hand on five communes 20 km and more apart, with a 5 km radius: each relay covers its
/// own commune only. Privas 8,000 inhabitants, Alboussière 2,000, Aubenas 12,000, Lyon 520,000,
/// Bourg-en-Bresse 42,000.
@Suite struct OpenAtCoverageTests {
    static func store() throws -> Store {
        let store = try Fixtures.storeWithCommunes()
        let service = "Aide aux démarches administratives"
        _ = try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux([
            Fixtures.lieu("semaine", [.horaires: "Mo-Fr 09:00-12:00; PH off", .services: service]),
            Fixtures.lieu("samedi", [.horaires: "Sa 10:00-12:00", .services: service, .commune: "Aubenas", .codePostal: "07200", .codeInsee: "07019",
                                     .latitude: "44.62", .longitude: "4.39"]),
            Fixtures.lieu("toujours", [.horaires: "24/7", .services: service, .commune: "Lyon", .codePostal: "69001", .codeInsee: "69123",
                                       .latitude: "45.76", .longitude: "4.83"]),
            Fixtures.lieu("ferme", [.horaires: "off", .services: service, .commune: "Alboussière", .codePostal: "07440", .codeInsee: "07007",
                                    .latitude: "44.94", .longitude: "4.73"]),
            Fixtures.lieu("illisible", [.horaires: "le matin", .services: service, .commune: "Bourg-en-Bresse", .codePostal: "01000", .codeInsee: "01053",
                                        .latitude: "46.2", .longitude: "5.22"]),
        ]))
        // A team without a place, helping over Bourg-en-Bresse: no opening hours at all.
        _ = try store.importData(.intermediaries, name: "intermediaires.csv", data: Data("""
            id,nom,type,place_id,headcount,services,zone
            equipe,Équipe mobile,operateur-social,,2,\(service),01053

            """.utf8))
        return store
    }

    static let total = 584_000

    private func covered(_ store: Store, at moment: String?) throws -> (covered: Int, filters: AppliedFilters) {
        var query = GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 5)
        query.openAt = moment.flatMap(LocalDateTime.init(parsing:))
        let directory = try store.relayDirectory(), territories = try store.territoryTable()
        let report = try directory.gaps(query, territories: territories)
        return (report.population - report.uncoveredPopulation, try directory.appliedFilters(query))
    }

    @Test func onlyTheRelaysOpenThenCountBoundariesIncluded() throws {
        let store = try Self.store()
        #expect(try covered(store, at: nil).covered == Self.total, "without a moment, every relay and the zone count")
        let cases: [(String, Int, String)] = [
            ("2026-12-01T10:30", 8_000 + 520_000, "Tuesday: the weekday relay and the 24/7 one"),
            ("2026-12-05T10:30", 12_000 + 520_000, "Saturday: the Saturday relay and the 24/7 one"),
            ("2026-12-05T10:00", 12_000 + 520_000, "the opening minute is open"),
            ("2026-12-05T09:59", 520_000, "a minute before, closed"),
            ("2026-12-05T12:00", 520_000, "the closing minute is closed"),
            ("2026-12-01T11:59", 8_000 + 520_000, "the last open minute"),
            ("2026-12-06T03:00", 520_000, "Sunday night: 24/7 only"),
            ("2026-12-25T10:30", 520_000, "Christmas, a Friday: PH off closes the weekday relay"),
            ("2026-12-18T10:30", 8_000 + 520_000, "the Friday before: open"),
            ("2026-04-06T10:30", 520_000, "Easter Monday 2026 (Easter is on 5 April): a public holiday"),
            ("2026-05-14T10:30", 520_000, "Ascension 2026, Easter + 39 days"),
            ("2026-05-25T10:30", 520_000, "Whit Monday 2026, Easter + 50 days"),
            ("2026-07-14T10:30", 520_000, "14 juillet, a Tuesday"),
        ]
        for (moment, expected, why) in cases {
            #expect(try covered(store, at: moment).covered == expected, "\(moment): \(why)")
        }
    }

    @Test func whatHasNoHoursIsLeftOutAndSaidSo() throws {
        let store = try Self.store()
        let (_, filters) = try covered(store, at: "2026-12-01T10:30")
        #expect(filters.unknownHoursLeftOut == 1 && filters.withoutPlaceLeftOut == 1)
        #expect(filters.summary.contains("open at 2026-12-01T10:30 (1 relay whose opening hours are unknown left out; 1 relay without a place and zones of intervention left out: they have no opening hours)"))
        // Within a territory, only its own: Bourg-en-Bresse's unreadable hours and team are not the Ardèche's.
        var ardeche = GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 5)
        ardeche.within = "07"
        ardeche.openAt = LocalDateTime(parsing: "2026-12-01T10:30")
        let scoped = try store.relayDirectory().appliedFilters(ardeche, territories: try store.territoryTable())
        #expect(scoped.unknownHoursLeftOut == 0 && scoped.withoutPlaceLeftOut == 0)
        ardeche.within = "01"
        let bourg = try store.relayDirectory().appliedFilters(ardeche, territories: try store.territoryTable())
        #expect(bourg.unknownHoursLeftOut == 1 && bourg.withoutPlaceLeftOut == 1)
        let plain = try covered(store, at: nil).filters
        #expect(plain.openAt == nil && plain.withoutPlaceLeftOut == nil && !plain.summary.contains("open at"))
    }

    @Test func accessWhatIfAndTheCoverageMapTakeTheMomentToo() throws {
        let store = try Self.store()
        var query = AccessQuery(service: "aide-aux-demarches-administratives")
        query.openAt = LocalDateTime(parsing: "2026-12-05T10:30")
        let access = try store.relayDirectory().access(query, territories: try store.territoryTable())
        #expect(access.sites == 2 && access.unknownHoursLeftOut == 1 && access.openAt == "2026-12-05T10:30", "Saturday: Aubenas and Lyon")
        var whatIf = WhatIfQuery(closing: ["samedi"])
        whatIf.radiusKm = 5
        whatIf.openAt = LocalDateTime(parsing: "2026-12-05T10:30")
        let impact = try #require(try store.whatIf(whatIf).services.first)
        #expect(impact.coveredPopulationBefore == 532_000 && impact.coveredPopulationAfter == 520_000)
        #expect(impact.unknownHoursLeftOut == 1 && impact.withoutPlaceLeftOut == 1, "what the moment left out, said")
        var request = DiagramRequest(kind: .coverage)
        request.scope = "departement:07"
        request.service = "aide-aux-demarches-administratives"
        request.radiusKm = 5
        request.openAt = LocalDateTime(parsing: "2026-12-05T10:30")
        let map = try store.diagram(request).text
        #expect(map.contains("relais ouverts le samedi 5 décembre 2026 à 10 h 30 (0 aux horaires inconnus écartés"))
        #expect(map.contains("\"rsamedi\"") && !map.contains("\"rsemaine\""), "only the relays open then are drawn")
    }

    @Test func planAtAMomentChoosesAmongTheRelaysClosedThen() throws {
        let store = try Self.store()
        var coverage = GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 5)
        coverage.openAt = LocalDateTime(parsing: "2026-12-01T10:30")
        var query = PlanQuery(coverage: coverage)
        query.candidates = .closed
        query.sites = 2
        let plan = try store.relayDirectory().plan(query, territories: try store.territoryTable())
        // Tuesday 10:30: Alboussière (2,000, its relay is always off), Aubenas (12,000, Saturdays only) and
        // Bourg-en-Bresse (42,000, hours unknown) have no relay open; the three relays are the candidates.
        #expect(plan.uncoveredPopulationBefore == 56_000 && plan.uncoveredCommunesBefore == 3)
        #expect(plan.sites.map(\.id) == ["illisible", "samedi"] && plan.sites.map(\.coveredPopulation) == [42_000, 12_000])
        #expect(plan.uncoveredPopulationAfter == 2_000 && plan.candidates == .closed)
        query.coverAll = true
        let all = try store.relayDirectory().plan(query, territories: try store.territoryTable())
        #expect(Set(all.sites.map(\.id)) == ["illisible", "samedi", "ferme"] && all.uncoveredPopulationAfter == 0)
    }
}
