import Foundation
import Testing
@testable import Maillage

/// The 3-commune example of domain.md (checked there with PySAL access 1.1.10): demand A 1000,
/// B 500, C 2000; supply S1 2, S2 1; costs A–S1 5, A–S2 25, B–S1 15, B–S2 12, C–S1 40, C–S2 18.
@Suite struct FloatingCatchmentExampleTests {
    static let demand = [1000.0, 500, 2000]
    static let supply = [2.0, 1]
    /// cost[site][point]
    static let cost = [[5.0, 15, 40], [25.0, 12, 18]]

    static func scores(_ method: FloatingCatchment) -> [Double] {
        method.scores(demand: demand, supply: supply) { site, body in
            for (point, cost) in cost[site].enumerated() { body(point, cost) }
        }
    }

    @Test func twoStepByHand() {
        // S1 reaches A and B (1,500 people): R1 = 2/1500; S2 reaches all three (3,500): R2 = 1/3500.
        let scores = Self.scores(FloatingCatchment(catchmentKm: 30, weighting: .uniform))
        let expected = [2.0 / 1500 + 1.0 / 3500, 2.0 / 1500 + 1.0 / 3500, 1.0 / 3500]
        for (score, value) in zip(scores, expected) { #expect(abs(score - value) <= 1e-15) }
        // domain.md's rounded figures.
        #expect(String(format: "%.6f %.6f %.6f", scores[0], scores[1], scores[2]) == "0.001619 0.001619 0.000286")
        let normalized = FloatingCatchment.normalized(scores, demand: Self.demand)
        #expect(String(format: "%.6f %.6f %.6f", normalized[0], normalized[1], normalized[2]) == "1.888889 1.888889 0.333333")
    }

    @Test func enhancedByHand() {
        // Weights 5 → 1, 15 → 0.68, 25 → 0.22, 12 → 0.68, 18 → 0.68, 40 → 0 (beyond the last band).
        // S1: 1000 + 500·0.68 = 1340; S2: 1000·0.22 + 500·0.68 + 2000·0.68 = 1920.
        let scores = Self.scores(FloatingCatchment(catchmentKm: 30, weighting: .bands(DistanceWeighting.defaultBands)))
        let r1 = 2.0 / 1340, r2 = 1.0 / 1920
        let expected = [r1 + 0.22 * r2, 0.68 * r1 + 0.68 * r2, 0.68 * r2]
        for (score, value) in zip(scores, expected) { #expect(abs(score - value) <= 1e-15) }
        #expect(String(format: "%.6f %.6f %.6f", scores[0], scores[1], scores[2]) == "0.001607 0.001369 0.000354")
    }

    @Test func aSiteWithNoDemandInReachOffersNothing() {
        // PySAL would divide by zero (infinity); a site nobody lives near adds nothing.
        let method = FloatingCatchment(catchmentKm: 30, weighting: .uniform)
        let scores = method.scores(demand: [0, 100], supply: [5, 1]) { site, body in
            if site == 0 { body(0, 3) } else { body(1, 3) }
        }
        #expect(scores == [0, 0.01])
        #expect(FloatingCatchment.normalized([0, 0], demand: [10, 20]) == [0, 0])
    }

    @Test func bandsAreInclusiveStepsAndParsedStrictly() throws {
        let bands = DistanceWeighting.bands(try DistanceWeighting.parseBands("20:0.68, 10:1,30:0.22"))
        #expect(bands == .bands(DistanceWeighting.defaultBands))
        #expect([0, 10, 10.000001, 20, 30, 30.000001].map(bands.weight(at:)) == [1, 1, 0.68, 0.68, 0.22, 0])
        for bad in ["10", "10:x", "-5:1", "10:-1", "10:1,10:0.5", "", "10:1,"] {
            #expect(throws: QueryError.self, "\(bad)") { try DistanceWeighting.parseBands(bad) }
        }
    }
}

/// The fixture's five communes (Privas 8,000; Alboussière 2,000; Aubenas 12,000; Lyon 520,000;
/// Bourg-en-Bresse 42,000) and two places relaying administrative help: A near Privas with
/// conseillers (headcount 3) and volunteers (unknown headcount) relaying it, and a team of 5
/// relaying something else; X at Aubenas's centroid relaying CAF (under it), no headcount; Z, an
/// écrivain public with no place (and so no part in accessibility), relaying ANTS.
/// Distances from CoverageGapsTests (Python, haversine): A → Privas 0.13639, Alboussière 24.89221,
/// Aubenas 21.02549; X → Privas 20.89498, Aubenas 0, Alboussière 44.56728; Lyon and Bourg > 100 km.
@Suite struct AccessibilityTests {
    static func store() throws -> Store {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([
            Fixtures.lieu("A", [.services: "Aide aux démarches administratives"]),
            Fixtures.lieu("X", [.codeInsee: "07019", .latitude: "44.62", .longitude: "4.39", .services: "CAF"]),
        ]))
        _ = try store.importData(.intermediaries, name: "i.csv", data: Data("""
            id,nom,type,place_id,headcount,services
            CN,Conseillers,conseiller-numerique,A,3,Aide aux démarches administratives
            BEN,Bénévoles,education-populaire,A,,Aide aux démarches administratives
            FAB,Fabmanagers,education-populaire,A,5,Loisirs et créations numériques
            Z,Écrivain public,ecrivain-public,,,ANTS

            """.utf8))
        return store
    }

    static func report(_ store: Store, _ configure: (inout AccessQuery) -> Void = { _ in }) throws -> AccessReport {
        var query = AccessQuery(service: "aide-aux-demarches-administratives")
        configure(&query)
        let fragility = query.demand == .fragility ? try store.fragilityIndex() : FragilityIndex()
        return try store.relayDirectory().access(query, territories: store.territoryTable(), fragility: fragility)
    }

    static func scores(_ report: AccessReport) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: report.communes.map { ($0.code, $0.score) })
    }

    @Test func twoStepWithHeadcountsByHand() throws {
        let report = try Self.report(try Self.store()) { $0.method = .twoStep }
        // Supply: A 3 (known headcounts relaying the service), X 1. A reaches Privas, Alboussière and
        // Aubenas (22,000); X reaches Privas and Aubenas (20,000).
        let ra = 3.0 / 22_000, rx = 1.0 / 20_000
        let expected = ["07186": ra + rx, "07007": ra, "07019": ra + rx, "69123": 0, "01053": 0]
        let scores = Self.scores(report)
        for (code, value) in expected { #expect(abs(scores[code]! - value) <= 1e-15 * max(1, value), "\(code)") }
        #expect(report.sites == 2 && report.supply == 4 && report.catchmentKm == 30 && report.bands == nil)
        #expect(report.populationWithoutAccess == 562_000)
        let mean = (8_000 * (ra + rx) + 2_000 * ra + 12_000 * (ra + rx)) / 584_000
        #expect(abs(report.meanScore - mean) < 1e-18)
        #expect(abs(report.communes.first { $0.code == "07007" }!.normalized - ra / mean) < 1e-12)
    }

    @Test func enhancedByHand() throws {
        let report = try Self.report(try Self.store())
        // A: Privas ×1, Alboussière ×0.22, Aubenas ×0.22 → 11,080; X: Privas ×0.22, Aubenas ×1 → 13,760.
        let ra = 3.0 / 11_080, rx = 1.0 / 13_760
        let expected = ["07186": ra + 0.22 * rx, "07007": 0.22 * ra, "07019": 0.22 * ra + rx, "69123": 0]
        let scores = Self.scores(report)
        for (code, value) in expected { #expect(abs(scores[code]! - value) <= 1e-15, "\(code)") }
        #expect(report.bands == DistanceWeighting.defaultBands)
        // A 20 km catchment with the default bands drops the 0.22 band.
        let short = Self.scores(try Self.report(try Self.store()) { $0.catchmentKm = 20 })
        #expect(short["07007"] == 0 && abs(short["07186"]! - 3.0 / 8_000) < 1e-15 && abs(short["07019"]! - 1.0 / 12_000) < 1e-15)
    }

    @Test func edgeCases() throws {
        let store = try Self.store()
        // A commune with no population, alone near a place far from everyone: the place serves nobody.
        _ = try store.importData(.communes, name: "c.csv", data: Data("""
            \(Fixtures.communesHeader)
            09999,Désert,09,Ariège,76,Occitanie,,,,0,0,42.8,1.6,commune
            01999,Sans coordonnées,01,Ain,84,Auvergne-Rhône-Alpes,,,,300,300,,,commune

            """.utf8))
        _ = try store.importData(.lieux, name: "far.csv", data: Fixtures.lieux([
            Fixtures.lieu("D", [.codeInsee: "09999", .codePostal: "09000", .commune: "Désert", .latitude: "42.8", .longitude: "1.6"]),
            Fixtures.lieu("N", [.codeInsee: "01999", .codePostal: "01000", .commune: "Sans coordonnées", .latitude: "", .longitude: ""]),
        ]), options: ImportOptions(partial: true))  // added to the test's other places, of the same source
        let report = try Self.report(store) { $0.method = .twoStep }
        let scores = Self.scores(report)
        // The commune without coordinates takes no part: left out of the scores, reported apart.
        #expect(scores["09999"] == 0 && scores["01999"] == nil)
        #expect(report.communesWithoutLocation == CommunesWithoutLocation(communes: 1, population: 300, codes: ["01999"]))
        #expect(report.sites == 3 && report.sitesWithoutLocation == 1)
        // The others are unchanged: D reaches only a commune without inhabitants.
        #expect(abs(scores["07007"]! - 3.0 / 22_000) <= 1e-15)

        // A service nobody relays: no access anywhere, normalized 0 rather than 0/0.
        let none = try Self.report(store) { $0.service = "parentalite-et-education-avec-le-numerique" }
        #expect(none.sites == 0 && none.communes.allSatisfy { $0.score == 0 && $0.normalized == 0 })
        #expect(none.populationWithoutAccess == 584_000)
    }

    @Test func scopeOnlyFiltersTheOutput() throws {
        let store = try Self.store()
        let national = Self.scores(try Self.report(store))
        let ardeche = try Self.report(store) { $0.within = "07" }
        #expect(ardeche.communes.map(\.code) == ["07007", "07019", "07186"])
        #expect(ardeche.communes.allSatisfy { $0.score == national[$0.code] })
        #expect(throws: QueryError.unknownTerritory("99")) { try Self.report(store) { $0.within = "99" } }
        #expect(throws: QueryError.self) { try Self.report(store) { $0.service = "nothing like it" } }
    }

    @Test func fragilityWeightsDemandWithFallbacks() throws {
        let store = try Self.store()
        #expect(throws: QueryError.noFragilityIndex) { try Self.report(store) { $0.demand = .fragility } }
        // Privas has its own index; Alboussière only its EPCI's; Aubenas an old code only → none,
        // so the population-weighted mean of the others; Lyon and Bourg their own.
        _ = try store.importData(.fragility, name: "f.csv", data: Data("""
            name,division,code,no_thd_coverage_rate,no_4g_coverage_rate,poverty_rate,older_65_rate,nscol15p_rate,total
            Privas,city,07186,1,2,3,4,5,6
            Vieille commune,city,07999,,,,,,4
            Lyon,city,69123,,,,,,2
            Bourg,city,01053,,,,,,5
            CA Privas,epci,200071413,,,,,,8

            """.utf8))
        let report = try Self.report(store) { $0.demand = .fragility; $0.method = .twoStep }
        let demand = Dictionary(uniqueKeysWithValues: report.communes.map { ($0.code, $0.demand) })
        let weightedIndex: Double = 6.0 * 8_000 + 8.0 * 2_000 + 2.0 * 520_000 + 5.0 * 42_000
        let mean = weightedIndex / 572_000
        #expect(demand["07186"] == 4_800 && demand["07007"] == 1_600 && demand["69123"] == 104_000 && demand["01053"] == 21_000)
        #expect(abs(demand["07019"]! - 12_000 * mean / 10) < 1e-9)
        #expect(report.fragilityFromEpci == 1 && report.fragilityFromMean == 1)
        let ra = 3.0 / (4_800 + 1_600 + demand["07019"]!)
        #expect(abs(Self.scores(report)["07007"]! - ra) < 1e-15)
    }
}

/// Importing the fragility index: real files' quirks and bad values.
@Suite struct FragilityImportTests {
    @Test(.requiresSharedData) func theRealFilesImportWithTheirQuirksCounted() throws {
        let store = try Fixtures.store()
        _ = try store.importFile(.communes, path: Fixtures.sharedData.appendingPathComponent("communes-france.csv").path)
        let communes = try store.importFile(.fragility, path: Fixtures.sharedData.appendingPathComponent("indice-fragilite-numerique-communes.csv").path)
        // Marseille and Les Trois Lacs have no value at all: warned and skipped.
        #expect(communes.rowsRead == 35_008 && communes.rowsImported == 35_006 && communes.warnings.count == 2)
        // 146 rows name no current commune (older codes, arrondissements); 15 current communes get no row (they take their EPCI's).
        #expect(communes.figures.contains { $0.name.hasPrefix("index rows whose code is no current commune") && $0.value == 146 })
        #expect(communes.figures.contains { $0.name.hasPrefix("current communes the file gives no index") && $0.value == 15 })
        let epci = try store.importFile(.fragility, path: Fixtures.sharedData.appendingPathComponent("indice-fragilite-numerique-epci.csv").path)
        #expect(epci.rowsImported == 1_255 && epci.errors.isEmpty)
        let index = try store.fragilityIndex()
        #expect(index.byCommune.count == 34_875)
        #expect(index.byCommune["13055"]?.source == .epci)
        // Île-de-Bréhat is in no EPCI: INSEE's ZZZZZZZZZ row.
        #expect(index.byCommune.values.filter { $0.source == .epci }.count > 0)
        // Importing again changes nothing.
        let again = try store.importFile(.fragility, path: Fixtures.sharedData.appendingPathComponent("indice-fragilite-numerique-epci.csv").path)
        #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == 1_255)
    }

    @Test func badValuesAreRefusedWithLineColumnAndValue() throws {
        let store = try Fixtures.storeWithCommunes()
        let bad = Data("""
            name,division,code,total
            Privas,city,07186,11
            X,region,84,3
            Y,epci,2000,3
            Z,city,7186,abc

            """.utf8)
        #expect(throws: MaillageError.self) { try store.importData(.fragility, name: "bad.csv", data: bad) }
        do { _ = try store.importData(.fragility, name: "bad.csv", data: bad) } catch MaillageError.importFailed(let report) {
            let text = report.errors.map(\.description)
            #expect(text.count == 5)
            #expect(text[0].contains("bad.csv:2") && text[0].contains("\"11\"") && text[0].contains("from 0 to 10"))
            #expect(text[1].contains("bad.csv:3") && text[1].contains("city (a commune) or epci"))
            #expect(text[2].contains("\"2000\"") && text[2].contains("nine digits"))
            #expect(text[3].contains("\"7186\"") && text[4].contains("\"abc\""))
        }
        #expect(try store.fragilityIndex().isEmpty)
    }
}
