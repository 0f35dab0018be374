import Foundation
import Testing
@testable import Maillage

/// Five communes (Privas 8,000; Alboussière 2,000; Aubenas 12,000; Lyon 520,000; Bourg-en-Bresse
/// 42,000). Relays of "Aide aux démarches administratives": A at (44.736, 4.6), free; X at
/// Aubenas's centroid relaying CAF (under it); Z with no place, whose zone is Bourg-en-Bresse,
/// relaying ANTS. Distances computed independently (Python, haversine, R = 6371.0 km):
/// centroid → A: Privas 0.13639, Alboussière 24.89221, Aubenas 21.02549, Lyon 115.27832, Bourg 169.81592;
/// centroid → X: Privas 20.89498, Alboussière 44.56728, Aubenas 0, Lyon 131.36752, Bourg 187.25138.
@Suite struct CoverageGapsTests {
    static func setUp() throws -> (RelayDirectory, TerritoryTable) {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([
            Fixtures.lieu("A", [.services: "Aide aux démarches administratives", .fraisACharge: "Gratuit"]),
            Fixtures.lieu("X", [.codeInsee: "07019", .latitude: "44.62", .longitude: "4.39", .services: "CAF"]),
            Fixtures.lieu("L", [.codeInsee: "69123", .latitude: "45.76", .longitude: "4.83", .services: "Loisirs et créations numériques"]),
        ]))
        _ = try store.importData(.intermediaries, name: "i.csv", data: Data("id,nom,type,services,zone\nZ,Écrivain public,ecrivain-public,ANTS,01053\n".utf8))
        return (try store.relayDirectory(), try store.territoryTable())
    }

    private func report(_ configure: (inout GapQuery) -> Void = { _ in }) throws -> GapReport {
        let (directory, table) = try Self.setUp()
        var query = GapQuery(service: "aide-aux-demarches-administratives", radiusKm: 10)
        configure(&query)
        return try directory.gaps(query, territories: table)
    }

    @Test func communesByUncoveredPopulationWithNearestAndCounts() throws {
        let result = try report()
        #expect(result.population == 584_000 && result.uncoveredPopulation == 522_000)
        #expect(result.territories.map(\.code) == ["69123", "07007", "01053", "07019", "07186"])
        #expect(result.territories.map(\.uncoveredPopulation) == [520_000, 2_000, 0, 0, 0])
        let expectedNearest = [115.27831673745621, 24.892207133397484, 169.81592204120224, 0, 0.13639481409888599]
        for (gap, expected) in zip(result.territories, expectedNearest) {
            #expect(abs((gap.nearestKm ?? -1) - expected) < 1e-9, "\(gap.code)")
        }
        #expect(result.territories.map(\.relaysWithin) == [0, 0, 0, 1, 1])
        #expect(result.territories.map(\.relaysByZone) == [0, 0, 1, 0, 0])
    }

    @Test func aggregatesByLevel() throws {
        let result = try report { $0.level = .departement }
        #expect(result.territories.map(\.code) == ["69", "07", "01"])
        #expect(result.territories.map(\.nom) == ["Rhône", "Ardèche", "Ain"])
        #expect(result.territories.map(\.population) == [520_000, 22_000, 42_000])
        #expect(result.territories.map(\.uncoveredPopulation) == [520_000, 2_000, 0])
        #expect(result.territories.map(\.uncoveredCommunes) == [1, 1, 0])
        #expect(result.territories.allSatisfy { $0.nearestKm == nil && $0.relaysWithin == nil })
    }

    @Test func minRelaysRadiusFiltersAndScope() throws {
        // 30 km, at least 2: Privas (A, X at 20.9) and Aubenas (X, A at 21.0) only.
        let two = try report { $0.radiusKm = 30; $0.minRelays = 2 }
        #expect(two.uncoveredPopulation == 584_000 - 8_000 - 12_000)
        // Free relays only: X no longer counts, Aubenas (A at 21.0 km) is uncovered at 10 km.
        let free = try report { $0.free = true }
        #expect(free.territories.first { $0.code == "07019" }?.uncoveredPopulation == 12_000)
        // The radius is inclusive.
        let edge = try report { $0.radiusKm = 24.892207133397484 }
        #expect(edge.territories.first { $0.code == "07007" }?.uncoveredPopulation == 0)
        let ardeche = try report { $0.within = "07" }
        #expect(ardeche.territories.map(\.code) == ["07007", "07019", "07186"] && ardeche.population == 22_000)
        #expect(try report { $0.within = "region:84" }.population == 584_000)
    }

    @Test func aServiceNobodyRelaysLeavesEveryoneUncovered() throws {
        let result = try report { $0.service = "Parentalité et éducation avec le numérique" }
        #expect(result.uncoveredPopulation == 584_000 && result.territories.allSatisfy { $0.nearestKm == nil })
        #expect(throws: QueryError.unknownTerritory("99")) { try report { $0.within = "99" } }
    }

    /// France is one row holding every commune in scope: 584,000 inhabitants, Lyon (520,000) and
    /// Alboussière (2,000) uncovered; within Ardèche, 22,000 of whom Alboussière's 2,000.
    @Test func franceIsOneRowOfEveryCommune() throws {
        let result = try report { $0.level = .france }
        #expect(result.territories == [TerritoryGap(code: "france", nom: "France", population: 584_000, uncoveredPopulation: 522_000,
                                                    nearestKm: nil, relaysWithin: nil, relaysByZone: nil, communes: 5, uncoveredCommunes: 2)])
        let ardeche = try report { $0.level = .france; $0.within = "07" }
        #expect(ardeche.territories.map(\.population) == [22_000] && ardeche.territories.map(\.uncoveredPopulation) == [2_000])
        #expect(ardeche.territories.map(\.communes) == [3] && ardeche.territories.map(\.uncoveredCommunes) == [1])
    }
}

/// The demo territory's holes, checked against the seed generator's own independent computation
/// (Scripts/seeds/make_demo.py: population of communes with no place offering the service
/// within 15 km, haversine in Python). No zone of intervention in the demo covers these services.
@Suite struct DemoGapsTests {
    @Test(arguments: [("acquisition-de-materiel-informatique-a-prix-solidaire", 166_957), ("parentalite-et-education-avec-le-numerique", 120_538)])
    func uncoveredPopulationMatchesThePythonComputation(service: String, uncovered: Int) throws {
        let store = try Fixtures.store()
        let demo = Fixtures.seeds.appendingPathComponent("demo")
        for (kind, file) in [(ImportKind.communes, "communes.csv"), (.lieux, "lieux.csv"), (.intermediaries, "intermediaires.csv")] {
            _ = try store.importFile(kind, path: demo.appendingPathComponent(file).path)
        }
        let report = try store.relayDirectory().gaps(GapQuery(service: service, radiusKm: 15), territories: store.territoryTable())
        #expect(report.population == 334_231 && report.uncoveredPopulation == uncovered)
    }
}
