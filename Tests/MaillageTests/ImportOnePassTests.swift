import Foundation
import GRDB
import Testing
@testable import Maillage

/// Every error of a file is reported in one pass (row errors, ids held by another source,
/// references to ids not stored), and the report's counts agree with what was written.
@Suite struct ImportOnePassTests {
    private func failure(_ body: () throws -> ImportReport) -> ImportReport? {
        do { _ = try body() } catch MaillageError.importFailed(let report) { return report } catch {}
        return nil
    }

    private func storeWithTwoPlaces() throws -> Store {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([Fixtures.lieu("p1"), Fixtures.lieu("p2")]))
        return store
    }

    @Test func unknownReferralTargetsAreReportedWithTheOtherRowErrors() throws {
        let store = try storeWithTwoPlaces()
        let csv = "source_id,target_id,service,weight\np1,nobody,,\np1,p1,,\np2,p1,,heavy\nghost,p2,,\n"
        let report = try #require(failure { try store.importData(.referrals, name: "r.csv", data: Data(csv.utf8)) })
        #expect(report.errors.map(\.line) == [2, 3, 4, 5])
        #expect(report.errors[0].column == "target_id" && report.errors[0].value == "nobody")
        #expect(report.errors[3].column == "source_id" && report.errors[3].value == "ghost")
    }

    @Test func anIdHeldAsTheOtherKindBySameSourceIsReportedWithTheOtherRowErrors() throws {
        let store = try storeWithTwoPlaces()
        _ = try store.importData(.intermediaries, name: "autre.csv", data: Data("id,nom,type,place_id\np9,Équipe,centre-social,p1\n".utf8))
        // Line 2: no date (a row error); line 3: p9 is an intermediary of source "autre" (a collision); line 4: p1 of
        // source "test" is taken as "autre:p1", not an error.
        let rows = [Fixtures.lieu("p3", [.dateMaj: "", .source: "autre"]), Fixtures.lieu("p9", [.source: "autre"]), Fixtures.lieu("p1", [.source: "autre"])]
        let report = try #require(failure { try store.importData(.lieux, name: "autre.csv", data: Fixtures.lieux(rows)) })
        #expect(report.errors.map(\.line) == [2, 3])
        #expect(report.errors[1].message.contains("already belongs to an intermediary of source 'autre'"))
    }

    @Test func unknownPlacesOfIntermediariesAreReportedWithTheOtherRowErrors() throws {
        let store = try storeWithTwoPlaces()
        let csv = "id,nom,type,place_id\ni1,A,astronaute,p1\ni2,B,bibliothecaire,p1|nowhere\n"
        let report = try #require(failure { try store.importData(.intermediaries, name: "i.csv", data: Data(csv.utf8)) })
        #expect(report.errors.map(\.line) == [2, 3])
        #expect(report.errors[1].column == "place_id" && report.errors[1].value == "nowhere")
    }

    @Test func theFiguresCountTheRowsImportedNotTheRowsRead() throws {
        let store = try storeWithTwoPlaces()
        let rows = (3...7).map { Fixtures.lieu("p\($0)", [.source: "autre"]) } + [Fixtures.lieu("p8", [.source: "autre", .dateMaj: ""])]
        let report = try store.importData(.lieux, name: "autre.csv", data: Fixtures.lieux(rows), options: ImportOptions(skipInvalid: true))
        #expect(report.rowsRead == 6 && report.rowsImported == 5 && report.rowsRejected == 1 && report.errors.count == 1)
        #expect(report.figures.first { $0.name == "places" }?.value == 5)
    }

    @Test func aListRowWhoseIdIsTakenIsRejectedWholeAndNotCounted() throws {
        let store = try Fixtures.storeWithCommunes()
        // A lieux file already holds the id the CNFS row would take.
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([Fixtures.lieu("cnfs:21070186000012")]))
        let csv = """
            \(StructureListsImportTests.cnfsHeader)
            MEDIATHEQUE DE PRIVAS;Privas;Ardèche;ARA;3;16/06/2021;publique;21070186000012;07;PLACE X;07186;07000;1;non;oui;oui
            COMMUNE DE BOURG;Bourg-en-Bresse;Ain;ARA;1;19/05/2021;publique;21010053000019;01;HOTEL DE VILLE;01053;01000;1;non;non;non

            """
        let report = try store.importData(.cnfs, name: "cnfs.csv", data: Data(csv.utf8), options: ImportOptions(skipInvalid: true))
        #expect(report.rowsImported == 1 && report.rowsRejected == 1 && report.errors.map(\.line) == [2])
        #expect(report.figures.first { $0.name == "structures" }?.value == 1)
        #expect(report.figures.first { $0.name == "conseillers" }?.value == 1)
        let teams = try store.writer.read { try String.fetchAll($0, sql: "SELECT public_id FROM node WHERE kind = 'intermediary'") }
        #expect(teams == ["cnfs:21010053000019:conseillers"])
    }

    @Test func aRowWithoutItsIdStillHasItsOtherFieldsChecked() throws {
        let store = try Fixtures.storeWithCommunes()
        let lieux = try #require(failure { try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([Fixtures.lieu("", [.dateMaj: ""])])) })
        #expect(lieux.errors.map(\.column) == ["id", "date_maj"] && lieux.rowsRejected == 1)
        let csv = "id,nom,type,headcount\n,A,astronaute,beaucoup\n"
        let intermediaries = try #require(failure { try store.importData(.intermediaries, name: "i.csv", data: Data(csv.utf8)) })
        #expect(intermediaries.errors.map(\.column) == ["id", "type", "headcount"])
        let cnfs = "\(StructureListsImportTests.cnfsHeader)\nSANS SIRET;Privas;Ardèche;ARA;trois;16/06/2021;publique;;07;PLACE X;07186;07000;1;non;oui;oui\n"
        let structures = try #require(failure { try store.importData(.cnfs, name: "c.csv", data: Data(cnfs.utf8)) })
        #expect(structures.errors.map(\.column) == ["SIRET", "Nombre de conseillers validés par le COSELEC"])
    }
}
