import Foundation
import Testing
@testable import Maillage

/// A commune without coordinates (as 8 in the national file) takes no part in coverage,
/// accessibility or planning figures: with it, every figure equals the figure without it, and it
/// is reported apart. The fixture is ``CoverageGapsTests``'s, plus Sans-Lieu (07999, 1,735
/// inhabitants, no coordinates, in the Privas EPCI), which the zone of an intermediary covering
/// all of Ardèche would have covered.
@Suite struct CommunesWithoutLocationTests {
    static let unlocated = "07999,Sans-Lieu,07,Ardèche,84,Auvergne-Rhône-Alpes,200071413,CA Privas Centre Ardèche,CA,1735,1750,,,\n"

    static func setUp(withUnlocated: Bool) throws -> (Store, ImportReport?) {
        let store = try Fixtures.storeWithCommunes()
        var report: ImportReport?
        if withUnlocated {
            report = try store.importData(.communes, name: "more.csv", data: Data((Fixtures.communesHeader + "\n" + unlocated).utf8))
        }
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([
            Fixtures.lieu("A", [.services: "Aide aux démarches administratives", .fraisACharge: "Gratuit"]),
            Fixtures.lieu("X", [.codeInsee: "07019", .latitude: "44.62", .longitude: "4.39", .services: "CAF"]),
        ]))
        _ = try store.importData(.intermediaries, name: "i.csv", data: Data("id,nom,type,services,zone\nZ,Écrivain public,ecrivain-public,ANTS,07\n".utf8))
        return (store, report)
    }

    static let service = "aide-aux-demarches-administratives"

    @Test func itsImportIsWarned() throws {
        let (_, report) = try Self.setUp(withUnlocated: true)
        let warning = try #require(report?.warnings.first)
        #expect(report?.warnings.count == 1 && report?.rowsImported == 1)
        #expect(warning.line == 2 && warning.column == "latitude")
        #expect(warning.message.contains("commune 07999 (Sans-Lieu) has no coordinates: it is kept, but left out of coverage"))
    }

    @Test func gapsFragilityAndPlanLeaveItOutAndReportItApart() throws {
        let (with, _) = try Self.setUp(withUnlocated: true)
        let (without, _) = try Self.setUp(withUnlocated: false)
        let apart = CommunesWithoutLocation(communes: 1, population: 1_735, codes: ["07999"])

        for within in [nil, "07", "200071413"] {
            var query = GapQuery(service: Self.service, radiusKm: 10)
            query.within = within
            var gaps = try with.relayDirectory().gaps(query, territories: with.territoryTable())
            #expect(gaps.communesWithoutLocation == apart)
            #expect(!gaps.territories.contains { $0.code == "07999" })
            gaps.communesWithoutLocation = CommunesWithoutLocation()
            #expect(gaps == (try without.relayDirectory().gaps(query, territories: without.territoryTable())))

            var single = try with.relayDirectory().singleRelays(query, territories: with.territoryTable())
            #expect(single.communesWithoutLocation == apart)
            single.communesWithoutLocation = CommunesWithoutLocation()
            #expect(single == (try without.relayDirectory().singleRelays(query, territories: without.territoryTable())))

            var plan = try with.relayDirectory().plan(PlanQuery(coverage: query), territories: with.territoryTable())
            #expect(plan.communesWithoutLocation == apart && !plan.uncoverable.contains { $0.code == "07999" })
            plan.communesWithoutLocation = CommunesWithoutLocation()
            #expect(plan == (try without.relayDirectory().plan(PlanQuery(coverage: query), territories: without.territoryTable())))
        }
        // By hand, all of France: 584,000 inhabitants located; Privas (A) and Aubenas (X) covered within 10 km,
        // Alboussière through Z's zone (Ardèche); Lyon (520,000) and Bourg-en-Bresse (42,000) uncovered.
        let gaps = try with.relayDirectory().gaps(GapQuery(service: Self.service, radiusKm: 10), territories: with.territoryTable())
        #expect(gaps.population == 584_000 && gaps.uncoveredPopulation == 562_000)
        // No place is a candidate (both relay the service): Lyon and Bourg are out of reach; Sans-Lieu is not listed.
        var query = PlanQuery(coverage: GapQuery(service: Self.service, radiusKm: 10))
        query.candidates = .places
        let plan = try with.relayDirectory().plan(query, territories: with.territoryTable())
        #expect(plan.uncoverable.map(\.code).sorted() == ["01053", "69123"])
    }

    @Test func accessLeavesItOutOfScoresAndTheMean() throws {
        let (with, _) = try Self.setUp(withUnlocated: true)
        let (without, _) = try Self.setUp(withUnlocated: false)
        var access = try with.relayDirectory().access(AccessQuery(service: Self.service), territories: with.territoryTable())
        #expect(access.communesWithoutLocation == CommunesWithoutLocation(communes: 1, population: 1_735, codes: ["07999"]))
        #expect(!access.communes.contains { $0.code == "07999" })
        access.communesWithoutLocation = CommunesWithoutLocation()
        let expected = try without.relayDirectory().access(AccessQuery(service: Self.service), territories: without.territoryTable())
        #expect(access == expected)
        // By hand (E2SFCA, bands 10:1, 20:0.68, 30:0.22): A (supply 1) reaches Privas at 0.136 km (1), Alboussière at
        // 24.9 km and Aubenas at 21.0 km (0.22 each); X (supply 1, CAF) reaches Aubenas at 0 km (1) and Privas at 20.9 km
        // (0.22). R_A = 1 / (8000 + 0.22 × 2000 + 0.22 × 12000), R_X = 1 / (12000 + 0.22 × 8000); the mean is
        // Σ A_i P_i / Σ P_i over the located communes only (584,000 inhabitants, not 585,735).
        let ra = 1.0 / (8000 + 0.22 * 2000 + 0.22 * 12000), rx = 1.0 / (12000 + 0.22 * 8000)
        let weighted = 8000 * (ra + 0.22 * rx) + 2000 * 0.22 * ra + 12000 * (0.22 * ra + rx)
        #expect(abs(access.meanScore - weighted / 584_000) < 1e-15)
    }

    @Test func whatIfReportsItApart() throws {
        let (with, _) = try Self.setUp(withUnlocated: true)
        var query = WhatIfQuery(closing: ["A"])
        query.within = "07"
        let report = try with.whatIf(query)
        #expect(report.communesWithoutLocation == CommunesWithoutLocation(communes: 1, population: 1_735, codes: ["07999"]))
        let impact = try #require(report.services.first { $0.service == "Aide aux démarches administratives" })
        #expect(impact.population == 22_000 && !impact.newlyUncovered.contains { $0.code == "07999" })
    }

    @Test(.requiresSharedData) func theNationalFileHasEightCommunesWithoutLocation() throws {
        let store = try Fixtures.store()
        let report = try store.importFile(.communes, path: Fixtures.sharedData.appendingPathComponent("communes-france.csv").path)
        let warned = report.warnings.filter { $0.message.contains("has no coordinates") }.compactMap { $0.message.split(separator: " ").dropFirst().first }
        #expect(warned == ["15031", "15035", "15047", "15171", "27676", "60694", "85165", "85212"])
        // Their population, summed independently from the file's columns.
        let text = try String(contentsOf: Fixtures.sharedData.appendingPathComponent("communes-france.csv"), encoding: .utf8)
        var population = 0
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields: [Substring] = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count >= 13, fields[fields.count - 3].isEmpty { population += Int(fields[fields.count - 5]) ?? 0 }
        }
        #expect(population == 5_617)
        let gaps = try store.relayDirectory().gaps(GapQuery(service: Self.service, radiusKm: 10), territories: store.territoryTable())
        #expect(gaps.communesWithoutLocation.communes == 8 && gaps.communesWithoutLocation.population == population)
        #expect(gaps.population == 68_350_798 - population)
        let access = try store.relayDirectory().access(AccessQuery(service: Self.service), territories: store.territoryTable())
        #expect(access.communesWithoutLocation.codes.contains("27676") && !access.communes.contains { $0.code == "27676" })
    }
}
