import Foundation
import Testing
@testable import Maillage

/// Single relays and closures on the fixture of ``CoverageGapsTests`` (same places and distances):
/// at 30 km, Privas has A (0.14 km) and X (20.9 km); Alboussière only A (24.9 km); Aubenas A (21.0)
/// and X (0); Lyon nobody; Bourg-en-Bresse only Z, through its zone.
@Suite struct SingleRelayTests {
    @Test func communesWithOneRelayAndTheRelaysTheyDependOn() throws {
        let (directory, table) = try CoverageGapsTests.setUp()
        let report = try directory.singleRelays(GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 30), territories: table)
        #expect(report.communes.map(\.code) == ["01053", "07007"])
        #expect(report.communes.map(\.relayId) == ["Z", "A"])
        #expect(report.communes[0].distanceKm == nil && abs(report.communes[1].distanceKm! - 24.892207133397484) < 1e-9)
        #expect(report.singleRelayPopulation == 44_000 && report.coveredPopulation == 64_000 && report.population == 584_000)
        #expect(report.criticalRelays.map(\.id) == ["Z", "A"] && report.criticalRelays.map(\.population) == [42_000, 2_000])
        // At 10 km Privas and Aubenas each have one relay; a service nobody relays has none.
        let near = try directory.singleRelays(GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 10), territories: table)
        #expect(near.communes.map(\.code) == ["01053", "07019", "07186"])
        let none = try directory.singleRelays(GapQuery(service: "parentalite-et-education-avec-le-numerique", radiusKm: 30), territories: table)
        #expect(none.communes.isEmpty && none.criticalRelays.isEmpty && none.coveredPopulation == 0)
    }
}

@Suite struct WhatIfTests {
    /// The fixture of ``AccessibilityTests``.
    static func store() throws -> Store { try AccessibilityTests.store() }

    @Test func closingAPlaceUncoversAndLowersAccessByHand() throws {
        var query = WhatIfQuery(closing: ["A"])
        query.service = "aide-aux-demarches-administratives"
        query.radiusKm = 30
        query.method = .twoStep
        let impact = try #require(try Self.store().whatIf(query).services.first)
        // Before: A (supply 3) reaches Privas, Alboussière, Aubenas; X (1) Privas and Aubenas.
        // After: X alone; Alboussière loses its only relay.
        #expect(impact.coveredPopulationBefore == 22_000 && impact.coveredPopulationAfter == 20_000)
        #expect(impact.newlyUncovered.map(\.code) == ["07007"] && impact.populationLosingAccess == 2_000)
        let changes = Dictionary(uniqueKeysWithValues: impact.accessChanges.map { ($0.code, ($0.scoreBefore, $0.scoreAfter)) })
        #expect(changes.count == 3)
        #expect(abs(changes["07186"]!.0 - (3.0 / 22_000 + 1.0 / 20_000)) < 1e-15 && abs(changes["07186"]!.1 - 1.0 / 20_000) < 1e-15)
        #expect(abs(changes["07007"]!.0 - 3.0 / 22_000) < 1e-15 && changes["07007"]!.1 == 0)
        // Largest loss first: Aubenas (12,000 × 3/22,000) before Privas and Alboussière.
        #expect(impact.accessChanges.map(\.code) == ["07019", "07186", "07007"])
        let mean = (8_000 * (3.0 / 22_000 + 1.0 / 20_000) + 2_000 * 3.0 / 22_000 + 12_000 * (3.0 / 22_000 + 1.0 / 20_000)) / 584_000
        #expect(abs(impact.meanScoreBefore - mean) < 1e-18)
    }

    @Test func closingAnIntermediaryLeavesThePlaceWithItsOthers() throws {
        let store = try Self.store()
        // Without CN, A still relays the service itself and through BEN, whose headcount is unknown: supply 1.
        var query = WhatIfQuery(closing: ["CN"])
        query.method = .twoStep
        query.radiusKm = 30
        let report = try store.whatIf(query)
        #expect(report.services.map(\.service) == ["Aide aux démarches administratives"])
        let after = try #require(report.services.first?.accessChanges.first { $0.code == "07007" })
        #expect(abs(after.scoreAfter - 1.0 / 22_000) < 1e-15)
        // A closed place takes the intermediaries working only there with it.
        let closed = try store.relayDirectory(closing: ["A"])
        #expect(!closed.entries.contains { ["A", "CN", "BEN", "FAB"].contains($0.id) } && closed.entries.contains { $0.id == "Z" })
    }

    @Test func unknownIdsAreNamedWithTheClosestOnes() throws {
        #expect(throws: QueryError.unknownIdentifier("C", closest: ["CN"])) { try Self.store().whatIf(WhatIfQuery(closing: ["C"])) }
    }
}

/// The demo territory: closing the relay that most inhabitants depend on alone uncovers exactly
/// them — two separate computations (the count of coverers, and coverage recomputed without it).
@Suite struct DemoFragilityTests {
    @Test func closingACriticalRelayUncoversExactlyItsDependents() throws {
        let store = try Fixtures.store()
        let demo = Fixtures.seeds.appendingPathComponent("demo")
        for (kind, file) in [(ImportKind.communes, "communes.csv"), (.lieux, "lieux.csv"), (.intermediaries, "intermediaires.csv")] {
            _ = try store.importFile(kind, path: demo.appendingPathComponent(file).path)
        }
        let single = try store.relayDirectory().singleRelays(GapQuery(service: "assurance-retraite", radiusKm: 10), territories: store.territoryTable())
        #expect(single.criticalRelays.count > 3)
        for relay in single.criticalRelays.prefix(3) {
            var query = WhatIfQuery(closing: [relay.id])
            query.service = "assurance-retraite"
            let impact = try #require(try store.whatIf(query).services.first)
            #expect(impact.coveredPopulationBefore - impact.coveredPopulationAfter == relay.population, "\(relay.id)")
            #expect(impact.newlyUncovered.count == relay.communes)
        }
    }
}
