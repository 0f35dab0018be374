import Foundation
@testable import Maillage
import Testing

/// `maillage week`: the covered population of each hour of the week, counted by hand on the
/// fixture of ``OpenAtCoverageTests`` (5 km: each relay covers its own commune only).
@Suite struct WeekCoverageTests {
    private func week(_ store: Store, from date: String, within: String? = nil, level: TerritoryLevel? = nil) throws -> WeekReport {
        var coverage = GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 5)
        coverage.within = within
        var query = WeekQuery(coverage: coverage, date: try #require(LocalDateTime(parsing: date + "T00:00")))
        query.level = level
        return try store.relayDirectory().week(query, territories: try store.territoryTable())
    }

    private func slot(_ report: WeekReport, _ day: String, _ hour: Int) -> WeekReport.Slot {
        report.slots[WeekReport.days.firstIndex(of: day)! * 24 + hour]
    }

    @Test func eachHourCountsTheRelaysOpenAtItsHalfHour() throws {
        let store = try OpenAtCoverageTests.store()
        let report = try week(store, from: "2026-12-02")
        #expect(report.weekOf == "2026-11-30" && report.population == OpenAtCoverageTests.total && report.slots.count == 168)
        #expect(report.slots[0].day == "Mo" && report.slots[0].start == "00:00" && report.slots[167].end == "24:00")
        let cases: [(String, Int, Int, Int, String)] = [
            ("Mo", 9, 528_000, 2, "09:30: the weekday relay (Privas) and the 24/7 one (Lyon)"),
            ("Mo", 8, 520_000, 1, "08:30: before 09:00"),
            ("Fr", 11, 528_000, 2, "11:30: before 12:00"),
            ("Fr", 12, 520_000, 1, "12:30: after"),
            ("Sa", 9, 520_000, 1, "09:30: the Saturday relay opens at 10:00"),
            ("Sa", 10, 532_000, 2, "10:30: Aubenas and Lyon"),
            ("Sa", 11, 532_000, 2, "11:30"),
            ("Su", 3, 520_000, 1, "Sunday night: 24/7 only"),
        ]
        for (day, hour, covered, open, why) in cases {
            let found = slot(report, day, hour)
            #expect(found.coveredPopulation == covered && found.openRelays == open, "\(day) \(hour): \(why)")
            #expect(found.coveredShare == Double(covered) / Double(OpenAtCoverageTests.total))
        }
        #expect(report.unknownHoursLeftOut == 1 && report.withoutPlaceLeftOut == 1)
    }

    @Test func aPublicHolidayClosesWhatSaysPHOff() throws {
        let store = try OpenAtCoverageTests.store()
        let christmas = try week(store, from: "2026-12-21")
        #expect(slot(christmas, "Fr", 10).coveredPopulation == 520_000, "25 December: PH off")
        #expect(slot(christmas, "Th", 10).coveredPopulation == 528_000, "24 December: open")
        let easter = try week(store, from: "2026-04-06")
        #expect(slot(easter, "Mo", 10).coveredPopulation == 520_000 && slot(easter, "Tu", 10).coveredPopulation == 528_000, "Easter Monday")
    }

    @Test func territoriesHaveTheirOwnRowAndTheScopeItsOwnFigures() throws {
        let store = try OpenAtCoverageTests.store()
        let report = try week(store, from: "2026-11-30", level: .departement)
        let ardeche = try #require(report.territories?.first { $0.code == "07" })
        #expect(ardeche.population == 22_000 && ardeche.coveredPopulation[9] == 8_000 && ardeche.coveredPopulation[5 * 24 + 10] == 12_000)
        let rhone = try #require(report.territories?.first { $0.code == "69" })
        #expect(rhone.coveredPopulation.allSatisfy { $0 == 520_000 })
        let scoped = try week(store, from: "2026-11-30", within: "07")
        #expect(scoped.population == 22_000 && slot(scoped, "Mo", 9).coveredPopulation == 8_000 && slot(scoped, "Mo", 9).openRelays == 1)
        #expect(scoped.unknownHoursLeftOut == 0 && scoped.withoutPlaceLeftOut == 0, "Bourg-en-Bresse's unreadable hours and team are not the Ardèche's")
    }

    @Test func everySlotAgreesWithGapsAtThatMomentOnTheDemo() throws {
        let store = try DemoStore.load()
        let directory = try store.relayDirectory(), territories = try store.territoryTable()
        let report = try directory.week(WeekQuery(coverage: GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 15),
                                                  date: LocalDateTime(year: 2026, month: 11, day: 30)), territories: territories)
        var moment = LocalDateTime(year: 2026, month: 11, day: 30)
        for (index, slot) in report.slots.enumerated() {
            if index > 0, index % 24 == 0 { moment = moment.nextDay }
            var query = GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 15)
            query.openAt = LocalDateTime(year: moment.year, month: moment.month, day: moment.day, hour: index % 24, minute: 30)
            let gaps = try directory.gaps(query, territories: territories)
            #expect(slot.coveredPopulation == gaps.population - gaps.uncoveredPopulation, "\(slot.day) \(slot.start)")
        }
    }

    @Test func theWeekIsDrawnAsAHeatTable() throws {
        let store = try OpenAtCoverageTests.store()
        var request = DiagramRequest(kind: .week)
        request.scope = "departement:07"
        request.service = "aide-aux-demarches-administratives"
        request.radiusKm = 5
        request.weekOf = LocalDateTime(year: 2026, month: 12, day: 2)
        let dot = try store.diagram(request).text
        #expect(dot.contains("Couverture dans la semaine — Aide aux démarches administratives à 5 km\\nArdèche (07) — semaine du lundi 30 novembre 2026, 22000 habitants"))
        // Saturday 10:00–11:00: Aubenas, 12,000 of 22,000 inhabitants: 55 %, "less than 90 %".
        #expect(dot.contains("TITLE=\"Samedi 10:00–11:00 : 12000 habitants, 1 relais ouverts\"><FONT POINT-SIZE=\"9\" COLOR=\"white\">55</FONT>"))
        #expect(dot.contains("Écartés : 0 relais aux horaires inconnus"))
        #expect(WeekDiagram.colour(of: 0).fill == "#ffffcc" && WeekDiagram.colour(of: 0.2).fill == "#a1dab4" && WeekDiagram.colour(of: 0.95).fill == "#253494")
        request.service = nil
        #expect(throws: DiagramError.missing(kind: .week, field: .service)) { try store.diagram(request) }
    }
}
