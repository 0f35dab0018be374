import Foundation
import GRDB
import Testing
@testable import Maillage

@Suite struct LieuxImportTests {
    private func importLieux(_ store: Store, _ rows: [[LieuColumn: String]], skipInvalid: Bool = false) throws -> ImportReport {
        try store.importData(.lieux, name: "lieux.csv", data: Fixtures.lieux(rows), options: ImportOptions(skipInvalid: skipInvalid))
    }

    private func failure(_ body: () throws -> ImportReport) -> ImportReport? {
        do { _ = try body() } catch MaillageError.importFailed(let report) { return report } catch {}
        return nil
    }

    @Test func storesAValidRowWithItsEdges() throws {
        let store = try Fixtures.storeWithCommunes()
        let report = try importLieux(store, [Fixtures.lieu("p1", [.dispositifProgrammesNationaux: "France Services|Aidants Connect",
                                                                  .fraisACharge: "Gratuit", .publicsSpecifiquementAdresses: "Seniors|Jeunes"])])
        #expect(report.rowsImported == 1 && report.warnings.isEmpty && report.errors.isEmpty)
        let lieu = try #require(try store.lieux().first)
        #expect(lieu.publicId == "p1" && lieu.codeInsee == "07186")
        #expect(lieu.services == ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"])
        #expect(lieu.programmes == ["Aidants Connect", "France Services"])
        #expect(lieu.value(.publicsSpecifiquementAdresses) == "Seniors|Jeunes")
    }

    @Test func placesRowsWithoutCodeFromTheirCoordinates() throws {
        let store = try Fixtures.storeWithCommunes()
        // Near Alboussière's centroid, postal code of Ardèche, no INSEE code, no commune name: the last resort.
        let report = try importLieux(store, [Fixtures.lieu("p1", [.codeInsee: "", .commune: "", .latitude: "44.93", .longitude: "4.72"])])
        #expect(report.figures.contains { $0.name == "placed at the nearest commune centroid (last resort, warned)" && $0.value == 1 })
        #expect(try store.lieux().first?.codeInsee == "07007")
    }

    @Test(.requiresSharedData) func theOfficialExampleImportsWithWarnings() throws {
        let store = try Fixtures.store()
        let reims = Fixtures.communesHeader + "\n51454,Reims,51,Marne,44,Grand Est,200067213,CU du Grand Reims,CU,178000,181000,49.25,4.03,commune\n"
        _ = try store.importData(.communes, name: "c.csv", data: Data(reims.utf8))
        let report = try store.importFile(.lieux, path: Fixtures.sharedData.appendingPathComponent("lieux-v1-exemple-officiel.csv").path)
        #expect(report.rowsImported == 1 && report.errors.isEmpty)
        let messages = report.warnings.map(\.description).joined(separator: "\n")
        for expected in ["Itinerance", "modalite_acces", "km from the centroid of commune 51454", "separated by ','",
                         "\"Illetrisme\": warning: read as \"Illettrisme\"", "read as \"Gratuit\"", "33180059880"] {
            #expect(messages.contains(expected), "missing warning about \(expected)")
        }
        let lieu = try #require(try store.lieux().first)
        #expect(lieu.value(.priseEnChargeSpecifique) == "Illettrisme|Langues étrangères (anglais)")
        #expect(lieu.value(.fraisACharge) == "Gratuit")
        #expect(lieu.value(.modalitesAcces) == "Se présenter|Téléphoner")
        #expect(lieu.programmes == ["Aidants Connect", "Conseillers numériques", "La Croix Rouge"])
    }

    @Test func anUnknownLabelIsKeptAsideWithAWarning() throws {
        let store = try Fixtures.storeWithCommunes()
        let report = try importLieux(store, [Fixtures.lieu("p1", [.services: "Aide aux démarches administratives|Réparer des vélos"])])
        let warning = try #require(report.warnings.first)
        #expect(warning.column == "services" && warning.value == "Réparer des vélos" && warning.line == 2)
        let unrecognised = try store.writer.read { try String.fetchOne($0, sql: "SELECT unrecognised FROM place") }
        #expect(unrecognised == #"{"services":["Réparer des vélos"]}"#)
    }

    @Test func swappedCoordinatesArePutRightWithAWarning() throws {
        let store = try Fixtures.storeWithCommunes()
        let report = try importLieux(store, [Fixtures.lieu("p1", [.latitude: "4.6", .longitude: "44.736"])])
        #expect(report.warnings.contains { $0.message.contains("swapped") })
        let lieu = try #require(try store.lieux().first)
        #expect(lieu.latitude == 44.736 && lieu.longitude == 4.6)
    }

    @Test func everyBadRowIsAnErrorAndNothingIsStored() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try importLieux(store, [Fixtures.lieu("kept")])
        let before = try DatabaseDump.text(store)
        let rows: [[LieuColumn: String]] = [
            Fixtures.lieu("ok"),
            Fixtures.lieu(""),                                      // line 3: no id
            Fixtures.lieu("ok"),                                    // line 4: duplicate id
            Fixtures.lieu("no-date", [.dateMaj: ""]),               // line 5: required date missing
            Fixtures.lieu("far", [.latitude: "144.7", .longitude: "4.6"]), // line 6: impossible
            Fixtures.lieu("half", [.longitude: ""]),                // line 7: latitude without longitude
            Fixtures.lieu("no-name", [.nom: ""]),                   // line 8: no name
        ]
        let report = try #require(failure { try importLieux(store, rows) })
        #expect(report.errors.map(\.line) == [3, 4, 5, 6, 7, 8])
        #expect(report.errors[1].message.contains("first seen on line 2"))
        #expect(!report.committed)
        #expect(try DatabaseDump.text(store) == before)

        let partial = try importLieux(store, rows, skipInvalid: true)
        #expect(partial.rowsImported == 1 && partial.rowsRejected == 6)
        #expect(try store.lieux().map(\.publicId) == ["kept", "ok"])
    }

    @Test func messyFilesAreReadOrRefusedWithTheirLocation() throws {
        let store = try Fixtures.storeWithCommunes()
        var body = Fixtures.lieux([Fixtures.lieu("a"), Fixtures.lieu("b")])
        // Byte-order mark and Windows line ends: read as usual.
        let windows = Data([0xEF, 0xBB, 0xBF]) + Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(try store.importData(.lieux, name: "w.csv", data: windows).rowsImported == 2)
        // Semicolons as separator: sniffed.
        let semicolons = Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: ",", with: ";").utf8)
        #expect(try store.importData(.lieux, name: "s.csv", data: semicolons).rowsImported == 2)
        // Latin-1 bytes: refused with the line and byte.
        body.append(contentsOf: Array("c,".utf8) + [0xE9] + Array("\n".utf8))
        let latin1 = #expect(throws: MaillageError.self) { try store.importData(.lieux, name: "l.csv", data: body) }
        #expect(latin1?.localizedDescription.contains("line 4, byte 3 is not UTF-8") == true)
        // A truncated last line with an open quote: refused.
        let truncated = Fixtures.lieux([Fixtures.lieu("a")]) + Data("\"cut".utf8)
        let cut = #expect(throws: MaillageError.self) { try store.importData(.lieux, name: "t.csv", data: truncated) }
        #expect(cut?.localizedDescription.contains("line 3: a quote opened at character 1 (field 1, column 'id') is never closed") == true)
        // A truncated last line without quotes: its missing fields read as empty, and its date is missing.
        let short = Data((Fixtures.lieuxHeader + "\n" + "x,,Nom").utf8)
        let report = try #require(failure { try store.importData(.lieux, name: "short.csv", data: short) })
        #expect(report.warnings.contains { $0.message.contains("truncated line") })
        #expect(report.errors.contains { $0.column == "date_maj" })
    }

    @Test func v01JSONIsMappedOntoV1() throws {
        let store = try Fixtures.storeWithCommunes()
        let json = """
            [{"id": "7", "nom": "EPN DE PRIVAS", "pivot": "00000000000000", "commune": "PRIVAS", "code_postal": "07000",
              "latitude": 44.7351, "longitude": 4.6, "source": "Hinaura", "date_maj": "2021-05-05",
              "services": "Accompagner les démarches de santé;Prendre en main un ordinateur;Accéder à du matériel",
              "publics_accueillis": "Adultes;Seniors (+ 65 ans);Surdité;Public langues étrangères",
              "conditions_acces": "Adhésion : L'accès au lieu et/ou à ses services nécessite d'y adhérer",
              "modalites_accompagnement": "Seul : j'ai accès à du matériel et une connexion;A ma place : une personne habilitée fait les démarches à ma place",
              "labels_nationaux": "CNFS;Point numérique CAF"}]
            """
        let report = try store.importData(.lieux, name: "h.json", data: Data(json.utf8))
        #expect(report.errors.isEmpty && report.warnings.isEmpty)
        #expect(report.figures.contains { $0.name == "rows in schema v0.1" })
        let lieu = try #require(try store.lieux().first)
        #expect(lieu.services == ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien", "Accès internet et matériel informatique"])
        #expect(lieu.finerServices == ["Accompagner les démarches de santé", "Prendre en main un ordinateur", "Accéder à du matériel"])
        #expect(lieu.value(.publicsSpecifiquementAdresses) == "Seniors")
        #expect(lieu.value(.priseEnChargeSpecifique) == "Surdité|Langues étrangères (autres)")
        #expect(lieu.value(.fraisACharge) == "Payant")
        #expect(lieu.value(.modalitesAccompagnement) == "En autonomie|Accompagnement individuel")
        #expect(lieu.programmes == ["Conseillers numériques", "Point d'accès numérique CAF"])
        #expect(lieu.value(.pivot) == "" && lieu.codeInsee == "07186")
    }

    @Test func v01CSVIsToldApartByItsColumns() throws {
        let store = try Fixtures.storeWithCommunes()
        let csv = """
            id,nom,services,commune,code_postal,latitude,longitude,date_maj,publics_accueillis,courriel
            h1,Centre social,Prendre en main un smartphone ou une tablette;Créer avec le numérique,Privas,07000,44.73,4.6,2021-01-02,Familles/enfants,a@example.org

            """
        _ = try store.importData(.lieux, name: "h.csv", data: Data(csv.utf8))
        let lieu = try #require(try store.lieux().first)
        #expect(lieu.services == ["Maîtrise des outils numériques du quotidien", "Loisirs et créations numériques"])
        #expect(lieu.value(.courriels) == "a@example.org")
        #expect(lieu.value(.publicsSpecifiquementAdresses) == "Familles et/ou enfants")
    }

    @Test func anUpdatedFileUpdatesInPlaceAndTheSameFileChangesNothing() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try importLieux(store, [Fixtures.lieu("p1"), Fixtures.lieu("p2")])
        let before = try DatabaseDump.text(store)
        let again = try importLieux(store, [Fixtures.lieu("p1"), Fixtures.lieu("p2")])
        #expect(again.inserted == 0 && again.updated == 0 && again.unchanged == 2, "the same file again changes nothing")
        #expect(try DatabaseDump.text(store) == before)
        _ = try importLieux(store, [Fixtures.lieu("p1", [.nom: "Nouveau nom", .services: "Loisirs et créations numériques"])])
        let lieux = try store.lieux()
        #expect(lieux.count == 2 && lieux[0].value(.nom) == "Nouveau nom" && lieux[0].services == ["Loisirs et créations numériques"])
    }

    @Test func anIdOfAnotherSourceIsPrefixedUnlessThePrefixedIdIsTakenToo() throws {
        let store = try Fixtures.storeWithCommunes()
        _ = try importLieux(store, [Fixtures.lieu("p1", [.source: "Hubik"])])
        let prefixed = try importLieux(store, [Fixtures.lieu("p1", [.source: "Autre"])])
        #expect(prefixed.inserted == 1)
        #expect(try store.lieux().map(\.publicId) == ["autre:p1", "p1"])

        let taken = try Fixtures.storeWithCommunes()
        _ = try importLieux(taken, [Fixtures.lieu("p1", [.source: "Hubik"]), Fixtures.lieu("autre:p1", [.source: "Hubik"])])
        let report = try #require(failure { try importLieux(taken, [Fixtures.lieu("p1", [.source: "Autre"])]) })
        #expect(report.errors.first?.message.contains("the id 'autre:p1' it would take, already belong to other sources") == true)
    }
}
