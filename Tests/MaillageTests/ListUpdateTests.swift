import Foundation
import GRDB
import Testing
@testable import Maillage

/// A new version of a list (lieux, CNFS, Aidants Connect) retires the structures it no longer
/// holds, unless it is partial; its rows are counted new, updated, unchanged or retired.
@Suite struct ListUpdateTests {
    private func active(_ store: Store) throws -> [String: Bool] {
        try store.writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT public_id, active FROM node").map { ($0[0], $0[1]) })
        }
    }

    private func counts(_ report: ImportReport) -> [Int] {
        [report.inserted, report.updated, report.unchanged, report.retired]
    }

    @Test func aNewLieuxFileRetiresWhatItNoLongerHolds() throws {
        let store = try Fixtures.storeWithCommunes()
        let first = Fixtures.lieux([Fixtures.lieu("p1"), Fixtures.lieu("p2"), Fixtures.lieu("p3")])
        #expect(counts(try store.importData(.lieux, name: "lieux.csv", data: first)) == [3, 0, 0, 0])
        _ = try store.importData(.lieux, name: "other.csv", data: Fixtures.lieux([Fixtures.lieu("o1", [.source: "other"])]))
        #expect(counts(try store.importData(.lieux, name: "lieux.csv", data: first)) == [0, 0, 3, 0], "the same file again changes nothing")

        let second = Fixtures.lieux([Fixtures.lieu("p1"), Fixtures.lieu("p2", [.nom: "Renamed"]), Fixtures.lieu("p4")])
        let report = try store.importData(.lieux, name: "lieux.csv", data: second)
        #expect(counts(report) == [1, 1, 1, 1])
        #expect(try active(store) == ["p1": true, "p2": true, "p3": false, "p4": true, "o1": true],
                "p3 left the list: kept, marked gone; another source's place is untouched")
        #expect(try store.lieux().count == 5, "nothing is deleted")

        // The place comes back in a later version: active again, counted as updated.
        #expect(counts(try store.importData(.lieux, name: "lieux.csv", data: first)) == [0, 2, 1, 1])
        #expect(try active(store)["p3"] == true && active(store)["p4"] == false)
    }

    @Test func aPartialFileRetiresNothing() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux([Fixtures.lieu("p1"), Fixtures.lieu("p2")]))
        let report = try store.importData(.lieux, name: "extract.csv", data: Fixtures.lieux([Fixtures.lieu("p2", [.nom: "New"])]),
                                          options: ImportOptions(partial: true))
        #expect(counts(report) == [0, 1, 0, 0])
        #expect(try active(store) == ["p1": true, "p2": true])
    }

    @Test func aNewCNFSListRetiresTheStructuresAndTheirConseillers() throws {
        let store = try Fixtures.storeWithCommunes()
        let header = StructureListsImportTests.cnfsHeader
        let privas = "MEDIATHEQUE DE PRIVAS;Privas;Ardèche;ARA;3;16/06/2021;publique;21070186000012;07;PLACE X;07186;07000;1;non;oui;oui"
        let bourg = "COMMUNE DE BOURG;Bourg-en-Bresse;Ain;ARA;1;19/05/2021;publique;21010053000019;01;HOTEL DE VILLE;1053;1000;1;non;non;non"
        let both = Data([header, privas, bourg, ""].joined(separator: "\n").utf8)
        #expect(counts(try store.importData(.cnfs, name: "cnfs-2023.csv", data: both)) == [2, 0, 0, 0])
        #expect(counts(try store.importData(.cnfs, name: "cnfs-2023.csv", data: both)) == [0, 0, 2, 0])

        let fewer = Data([header, privas.replacingOccurrences(of: ";3;", with: ";4;"), ""].joined(separator: "\n").utf8)
        let report = try store.importData(.cnfs, name: "cnfs-2024.csv", data: fewer)
        #expect(counts(report) == [0, 1, 0, 1], "Privas has 4 conseillers now; Bourg left the list")
        #expect(report.figures.contains { $0.name == "intermediaries retired with their structures" && $0.value == 1 })
        #expect(try active(store) == [
            "cnfs:21070186000012": true, "cnfs:21070186000012:conseillers": true,
            "cnfs:21010053000019": false, "cnfs:21010053000019:conseillers": false,
        ])
    }

    @Test func aNewAidantsConnectListRetiresWhatLeftItUnlessPartial() throws {
        let store = try Fixtures.storeWithCommunes()
        let header = StructureListsImportTests.aidantsHeader
        let privas = "France Services Privas,12,u,true,07186,1 rue,07000,13002603200016.0,true,Privas,4,9,53,6,,,,,14,,,,"
        let aubenas = "CCAS Aubenas,13,u,true,,2 rue,07200,26070019000011.0,false,Aubenas,2,,,,,,,,,,,,5"
        let options = ImportOptions(dataDate: "2024-02-22")
        _ = try store.importData(.aidantsConnect, name: "ac.csv", data: Data([header, privas, aubenas, ""].joined(separator: "\n").utf8), options: options)
        let onlyPrivas = Data([header, privas, ""].joined(separator: "\n").utf8)
        var partial = options
        partial.partial = true
        #expect(counts(try store.importData(.aidantsConnect, name: "ac.csv", data: onlyPrivas, options: partial)) == [0, 0, 1, 0])
        #expect(try active(store)["aidants-connect:13"] == true)
        #expect(counts(try store.importData(.aidantsConnect, name: "ac.csv", data: onlyPrivas, options: options)) == [0, 0, 1, 1])
        #expect(try active(store)["aidants-connect:13"] == false && active(store)["aidants-connect:13:aidants"] == false)
    }

    @Test func aFileWithRejectedRowsRetiresNothingAndSaysWhy() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux([Fixtures.lieu("p1"), Fixtures.lieu("p2")]))
        let report = try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux([Fixtures.lieu("p1"), Fixtures.lieu("p2", [.nom: ""])]),
                                          options: ImportOptions(skipInvalid: true))
        #expect(report.rowsRejected == 1 && report.retired == 0)
        #expect(report.warnings.contains { $0.message.hasPrefix("nothing was retired: 1 row(s) were rejected") })
        #expect(try active(store) == ["p1": true, "p2": true])
    }

    @Test func referralsAndIntermediariesImportedAgainAreUnchanged() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux([Fixtures.lieu("p1"), Fixtures.lieu("p2")]))
        let intermediaries = Data("id,nom,type,place_id,headcount,services,zone,modalites_accompagnement,itinerance\ni1,Anne,conseiller-numerique,p1,1,,,,\n".utf8)
        #expect(counts(try store.importData(.intermediaries, name: "i.csv", data: intermediaries)) == [1, 0, 0, 0])
        #expect(counts(try store.importData(.intermediaries, name: "i.csv", data: intermediaries)) == [0, 0, 1, 0])
        let referrals = Data("source_id,target_id,service,weight\np1,p2,,2\n".utf8)
        #expect(counts(try store.importData(.referrals, name: "r.csv", data: referrals)) == [1, 0, 0, 0])
        #expect(counts(try store.importData(.referrals, name: "r.csv", data: referrals)) == [0, 0, 1, 0])
        #expect(counts(try store.importData(.referrals, name: "r.csv", data: Data("source_id,target_id,service,weight\np1,p2,,3\n".utf8))) == [0, 1, 0, 0])
    }

    @Test func communesAndFragilityImportedAgainAreUnchanged() throws {
        let store = try Fixtures.storeWithCommunes()
        let communes = Data(Fixtures.communes.utf8)
        #expect(counts(try store.importData(.communes, name: "communes.csv", data: communes)) == [0, 0, 5, 0])
        let renamed = Data(Fixtures.communes.replacingOccurrences(of: "CC du Bassin d'Aubenas", with: "CC Bassin d'Aubenas").utf8)
        #expect(counts(try store.importData(.communes, name: "communes.csv", data: renamed)) == [0, 1, 4, 0], "Aubenas's EPCI was renamed")
        let fragility = "name,division,code,total\nPrivas,city,07186,6\nCA Privas,epci,200071413,8\n"
        #expect(counts(try store.importData(.fragility, name: "f.csv", data: Data(fragility.utf8))) == [2, 0, 0, 0])
        #expect(counts(try store.importData(.fragility, name: "f.csv", data: Data(fragility.utf8))) == [0, 0, 2, 0])
        let changed = fragility.replacingOccurrences(of: "07186,6", with: "07186,7")
        #expect(counts(try store.importData(.fragility, name: "f.csv", data: Data(changed.utf8))) == [0, 1, 1, 0])
    }
}
