import Foundation
import GRDB
import Testing
@testable import Maillage

/// The v1 export says each row's source, leaves out inactive structures, is valid against the
/// national schema (repaired where the schema documents a repair, left out and reported where it
/// does not), and a directory rebuilt from it plus the original lists equals the original.
@Suite struct V1ExportTests {
    static let cnfs = """
        \(StructureListsImportTests.cnfsHeader)
        MEDIATHEQUE DE PRIVAS;Privas;Ardèche;ARA;3;16/06/2021;publique;21070186000012;07;PLACE X;07186;07000;1;non;oui;oui
        COMMUNE DE BOURG;Bourg-en-Bresse;Ain;ARA;1;19/05/2021;publique;21010053000019;01;HOTEL DE VILLE;1053;1000;1;non;non;non

        """
    static let aidantsConnect = """
        \(StructureListsImportTests.aidantsHeader)
        France Services Privas,12,u,true,07186,1 rue,07000,13002603200016.0,true,Privas,4,9,53,6,,,,,14,,,,
        CCAS Aubenas,13,u,false,,2 rue,07200,26070019000011.0,false,Aubenas,2,,,,,,,,,,,,5
        Sans SIRET,14,u,true,07019,3 rue,07200,,false,Aubenas,1,,,,,,,,,,,,
        Code postal faux,15,u,true,07019,4 rue,932360,,false,Aubenas,1,,,,,,,,,,,,

        """

    /// The lists and a v1 file, as a user imports them.
    private func original() throws -> Store {
        let store = try Fixtures.storeWithCommunes()
        try importLists(into: store)
        _ = try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux([
            Fixtures.lieu("p1", [.adresse: "1 rue", .telephone: "04 75 64 00 00", .formationsLabels: "Fabriques de Territoire|Label maison"]),
            Fixtures.lieu("p2", [.adresse: "5 place", .pivot: "43493312300029"]),
        ]))
        return store
    }

    private func importLists(into store: Store) throws {
        _ = try store.importData(.cnfs, name: "cnfs.csv", data: Data(Self.cnfs.utf8))
        _ = try store.importData(.aidantsConnect, name: "ac.csv", data: Data(Self.aidantsConnect.utf8), options: ImportOptions(dataDate: "2024-02-22"))
    }

    private func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            var fields: [String] = []
            var current = "", quoted = false
            for character in line {
                if character == "\"" { quoted.toggle() } else if character == ",", !quoted { fields.append(current); current = "" } else { current.append(character) }
            }
            fields.append(current)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }

    @Test func everyRowSaysItsSourceAndInactiveStructuresAreLeftOut() throws {
        var summary = V1ExportSummary()
        let csv = try LieuxExport.csv(try original().lieux(), summary: &summary)
        let byId = Dictionary(uniqueKeysWithValues: rows(csv).map { ($0["id"] ?? "", $0) })
        #expect(byId["cnfs:21070186000012"]?["source"] == "cnfs")
        #expect(byId["aidants-connect:12"]?["source"] == "aidants-connect")
        #expect(byId["p1"]?["source"] == "test")
        #expect(byId["aidants-connect:13"] == nil, "the inactive CCAS is not exported as an active place")
        #expect(summary.inactive == ["aidants-connect:13"])
    }

    @Test func rowsAreRepairedWhereTheSchemaSaysHowAndLeftOutOtherwise() throws {
        var summary = V1ExportSummary()
        let csv = try LieuxExport.csv(try original().lieux(), summary: &summary)
        let byId = Dictionary(uniqueKeysWithValues: rows(csv).map { ($0["id"] ?? "", $0) })
        #expect(byId["aidants-connect:14"]?["pivot"] == "00000000000000")
        #expect(byId["p1"]?["pivot"] == "00000000000000" && byId["p2"]?["pivot"] == "43493312300029")
        #expect(byId["p1"]?["telephone"] == "+33475640000")
        #expect(byId["p1"]?["formations_labels"] == "Fabriques de Territoire" && byId["p1"]?["autres_formations_labels"] == "Label maison")
        #expect(byId["aidants-connect:15"] == nil)
        #expect(summary.leftOut == [V1ExportSummary.LeftOut(id: "aidants-connect:15", problems: ["code_postal \"932360\": expected a postal code of five digits"])])
        #expect(summary.repairs.first { $0.description.hasPrefix("pivot empty") }?.count == 2)
        #expect(summary.written == byId.count && summary.written == 6)
        // Every row written meets the schema.
        let conformance = try V1Conformance()
        for lieu in try original().lieux() where byId[lieu.publicId] != nil {
            var ignored = V1ExportSummary()
            let written = try #require(conformance.conform(lieu, summary: &ignored))
            #expect(conformance.problems(of: written).isEmpty)
        }
    }

    @Test func theSchemaConstraintsCatchWhatTheyShould() throws {
        let conformance = try V1Conformance()
        var lieu = try #require(try original().lieux().first { $0.publicId == "p2" })
        #expect(conformance.problems(of: lieu).isEmpty)
        lieu.text[.presentationResume] = String(repeating: "é", count: 281)
        lieu.text[.itinerance] = "Mobile"
        lieu.text[.adresse] = nil
        #expect(conformance.problems(of: lieu) == [
            "adresse is empty; the schema requires it",
            "itinerance \"Mobile\": expected labels of the schema's list, separated by |",
            "presentation_resume has 281 characters; the schema allows 280",
        ])
    }

    /// The directory rebuilt from its export, then the original lists, equals the original:
    /// the same places with the same v1 fields, the same ids, the same active counts.
    @Test func aDirectoryRebuiltFromItsExportAndTheListsEqualsTheOriginal() throws {
        let original = try original()
        let exported = try LieuxExport.csv(try original.lieux())
        let rebuilt = try Fixtures.storeWithCommunes()
        _ = try rebuilt.importData(.lieux, name: "export.csv", data: Data(exported.utf8))
        try importLists(into: rebuilt)
        #expect(try LieuxExport.csv(try rebuilt.lieux()) == exported)
        let census = (rebuilt: try DirectoryCensus(rebuilt), original: try DirectoryCensus(original))
        #expect(census.rebuilt == census.original, "\(census.rebuilt.nodes.filter { census.original.nodes[$0.key] != $0.value })")
    }
}

/// What a directory holds, to compare two: every node's public id with its kind and whether it
/// is active, and how many nodes of each kind are active or not.
struct DirectoryCensus: Equatable, CustomStringConvertible {
    var nodes: [String: String]
    var counts: [String: Int]

    init(_ store: Store) throws {
        nodes = try store.writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT public_id, kind, active FROM node").map { row -> (String, String) in
                (row[0], "\(row[1] as String) \((row[2] as Bool) ? "active" : "inactive")")
            })
        }
        counts = Dictionary(grouping: nodes.values, by: { $0 }).mapValues(\.count)
    }

    var description: String { "\(counts)" }
}
