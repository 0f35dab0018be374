import Foundation
import GRDB
import Testing
@testable import Maillage

@Suite struct StructureListsImportTests {
    static let cnfsHeader = "Raison sociale;Commune INSEE;Département;Région;Nombre de conseillers validés par le COSELEC;Date de validation en comité de sélection;Type;SIRET;Code département;Adresse;Code commune INSEE;Code postal;Investissement financier estimatif total de l’Etat;ZRR;QPV;France services"

    @Test func cnfsRowsBecomePlacesWithTheirConseillers() throws {
        let store = try Fixtures.storeWithCommunes()
        let csv = """
            \(Self.cnfsHeader)
            MEDIATHEQUE DE PRIVAS;Privas;Ardèche;ARA;3;16/06/2021;publique;21070186000012;07;PLACE X 07000 PRIVAS;07186;07000;1;non;oui;oui
            COMMUNE DE BOURG;Bourg-en-Bresse;Ain;ARA;1;19/05/2021;publique;21010053000019;01;HOTEL DE VILLE;1053;1000;1;non;non;non
            LYON 3E;Lyon;Rhône;ARA;2;19/05/2021;privée;12345678900011;69;RUE;69383;69003;1;non;non;non renseigné
            MEDIATHEQUE DE PRIVAS;Privas;Ardèche;ARA;1;05/04/2023;publique;21070186000012;07;PLACE X 07000 PRIVAS;07186;07000;1;non;oui;oui
            SANS CODE;Aubenas;Ardèche;ARA;1;05/04/2023;privée;98765432100011;07;RUE;;07200;1;non;non;non

            """
        let report = try store.importData(.cnfs, name: "cnfs.csv", data: Data(csv.utf8))
        #expect(report.rowsImported == 5 && report.errors.isEmpty)
        #expect(report.figures.contains { $0.name == "conseillers" && $0.value == 8 })
        #expect(report.corrections.contains { $0.name.contains("lost its leading zero") && $0.value == 1 })
        #expect(report.corrections.contains { $0.name.contains("arrondissement") && $0.value == 1 })
        #expect(report.figures.contains { $0.name == "placed from postal code and commune name" && $0.value == 1 })
        let lieux = try store.lieux()
        #expect(lieux.map(\.publicId) == ["cnfs:12345678900011", "cnfs:21010053000019", "cnfs:21070186000012", "cnfs:21070186000012-2", "cnfs:98765432100011"])
        #expect(lieux.map { $0.codeInsee ?? "-" } == ["69123", "01053", "07186", "07186", "07019"])
        let privas = lieux[2]
        #expect(privas.intermediaries == [LieuRecord.Member(publicId: "cnfs:21070186000012:conseillers", actorType: "conseiller-numerique", headcount: 3)])
        #expect(privas.programmes == ["Conseillers numériques", "France Services"])
        #expect(privas.value(.dateMaj) == "2021-06-16")
        #expect(privas.services.contains("Maîtrise des outils numériques du quotidien"))
        let stats = try store.statistics()
        #expect(stats.intermediaries.byType.first { $0.type == "conseiller-numerique" }?.headcount == 8)
    }

    @Test func aWrongPostalCodeIsKeptWithAWarning() throws {
        let store = try Fixtures.storeWithCommunes()
        let csv = "\(Self.cnfsHeader)\nX;Privas;Ardèche;ARA;1;16/06/2021;privée;21070186000012;07;RUE;07186;67000;1;non;non;non\n"
        let report = try store.importData(.cnfs, name: "cnfs.csv", data: Data(csv.utf8))
        let warning = try #require(report.warnings.first)
        #expect(warning.column == "Code postal" && warning.value == "67000" && warning.line == 2 && warning.columnNumber == 12)
        #expect(try store.lieux().first?.value(.codePostal) == "67000")
    }

    static let aidantsHeader = "Name,ID,UUID,Is Active,City Insee Code,Address,Zip Code,Siret,France Services Label,City,Nombre d'aidants,Question 110 → Nombre D'usagers Uniques,Question 109 → Nombre De Demarche Par Structure,Question 99 → Nombre Demarche Argent,Question 107 → Nombre Demarche Etranger,Question 103 → Nombre Demarche Famille,Question 106 → Nombre Demarche Justice,Question 108 → Nombre Demarche Loisirs,Question 102 → Nombre Demarche Papier,Question 104 → Nombre Demarche Social,Question 105 → Nombre Demarche Transport,Question 113 → Nombre Demarche Travail,Question 114 → Nombre Demarche Logement"

    @Test func aidantsConnectRowsRelayTheirThemesDemarches() throws {
        let store = try Fixtures.storeWithCommunes()
        let csv = """
            \(Self.aidantsHeader)
            France Services Privas,12,u,true,07186,"1 rue, Privas",07000,13002603200016.0,true,Privas,4,9,53,6,,,,,14,,,,
            CCAS Aubenas,13,u,false,,2 rue,07200,26070019000011.0,false,Aubenas,2,,,,,,,,,,,,5

            """
        let report = try store.importData(.aidantsConnect, name: "ac.csv", data: Data(csv.utf8), options: ImportOptions(dataDate: "2024-02-22"))
        #expect(report.errors.isEmpty && report.rowsImported == 2)
        #expect(report.corrections.contains { $0.name == "SIRET written as a float, repaired" && $0.value == 2 })
        let lieux = try store.lieux()
        #expect(lieux.map(\.publicId) == ["aidants-connect:12", "aidants-connect:13"])
        #expect(lieux[0].value(.pivot) == "13002603200016" && lieux[0].programmes == ["Aidants Connect", "France Services"])
        #expect(lieux[0].finerServices == ["Aide aux démarches administratives", "DGFiP", "ANTS"])
        #expect(lieux[1].finerServices == ["Aide aux démarches administratives", "CAF"])
        #expect(lieux[1].codeInsee == "07019" && !lieux[1].active && lieux[1].value(.dateMaj) == "2024-02-22")
        #expect(lieux[0].intermediaries.first?.headcount == 4)
    }

    @Test func intermediariesAndReferralsLinkToPlaces() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([Fixtures.lieu("p1"), Fixtures.lieu("p2")]))
        let intermediaries = """
            id,nom,type,place_id,headcount,services,zone,modalites_accompagnement,itinerance
            i1,Conseillers,conseiller-numerique,p1|p2,3,Prendre en main un ordinateur|CAF,,Accompagnement individuel,Fixe
            i2,Aidants familiaux,Aidants familiaux,,,Aide aux démarches administratives,07186|200071413|07,,
            i3,Écrivain public à distance,ecrivain-public,,1,Aide aux démarches administratives,,À distance,

            """
        let report = try store.importData(.intermediaries, name: "i.csv", data: Data(intermediaries.utf8))
        #expect(report.rowsImported == 3 && report.warnings.isEmpty)
        let zone = try store.writer.read { try Row.fetchAll($0, sql: "SELECT level, code FROM zone ORDER BY level").map { "\($0[0] as String):\($0[1] as String)" } }
        #expect(zone == ["commune:07186", "departement:07", "epci:200071413"])
        let remote = try store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM relay WHERE remote") }
        #expect(remote == 1)

        let referrals = """
            source_id,target_id,service,weight
            p1,p2,,2
            p1,i1,CAF,
            i2,p1,aide-aux-demarches-administratives,1.5

            """
        #expect(try store.importData(.referrals, name: "r.csv", data: Data(referrals.utf8)).rowsImported == 3)
        #expect(try store.statistics().referrals == 3)

        let bad = "source_id,target_id,service,weight\np1,nobody,,\np1,p1,,\np2,p1,,heavy\n"
        let error = #expect(throws: MaillageError.self) { try store.importData(.referrals, name: "bad.csv", data: Data(bad.utf8)) }
        guard case .importFailed(let failed)? = error else { Issue.record("expected importFailed"); return }
        #expect(failed.errors.map(\.line) == [2, 3, 4])   // unknown target, self-referral and bad weight, in one pass
        let unknown = #expect(throws: MaillageError.self) {
            try store.importData(.referrals, name: "bad.csv", data: Data("source_id,target_id\np1,nobody\n".utf8))
        }
        #expect(unknown?.localizedDescription.contains("bad.csv:2: column target_id (2): value \"nobody\"") == true)
        #expect(try store.statistics().referrals == 3)
    }

    @Test func anUnknownActorTypeIsAnError() throws {
        let store = try Fixtures.storeWithCommunes()
        let csv = "id,nom,type\ni1,X,astronaute\n"
        let error = #expect(throws: MaillageError.self) { try store.importData(.intermediaries, name: "i.csv", data: Data(csv.utf8)) }
        #expect(error?.localizedDescription.contains("expected an actor type: aidant-familial") == true)
    }
}

@Suite struct SourceTests {
    @Test func aRenamedFileUpdatesTheSameRowsWhenItsSourceIsGiven() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([Fixtures.lieu("p1")]))
        let csv = Data("id,nom,type,place_id\ni1,Équipe,bibliothecaire,p1\n".utf8)
        _ = try store.importData(.intermediaries, name: "equipes-2025.csv", data: csv, options: ImportOptions(source: "equipes"))
        let again = try store.importData(.intermediaries, name: "equipes-2026.csv", data: csv, options: ImportOptions(source: "equipes"))
        #expect(again.unchanged == 1 && again.rowsImported == 1 && again.errors.isEmpty)
        // Without it, the new file name is another source: the id it brings is held already, so
        // it is stored prefixed with that source's slug, and the import says so.
        let other = try store.importData(.intermediaries, name: "autre.csv", data: csv)
        #expect(other.inserted == 1 && other.corrections.map(\.name) == ["ids another source already holds, stored prefixed with 'autre:'"])
        #expect(try store.profile(of: "autre:i1").id == "autre:i1" && store.profile(of: "i1").id == "i1")
    }
}
