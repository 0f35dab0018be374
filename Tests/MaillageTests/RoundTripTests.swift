import Foundation
import Testing
@testable import Maillage

/// import → export → import into a new database → export gives the same bytes.
@Suite struct RoundTripTests {
    private func loadedDemo() throws -> Store {
        let store = try Fixtures.store()
        let demo = Fixtures.seeds.appendingPathComponent("demo")
        _ = try store.importFile(.communes, path: demo.appendingPathComponent("communes.csv").path)
        _ = try store.importFile(.lieux, path: demo.appendingPathComponent("lieux.csv").path)
        _ = try store.importFile(.intermediaries, path: demo.appendingPathComponent("intermediaires.csv").path)
        return store
    }

    private func secondExport(of text: String, name: String, export: ([LieuRecord]) throws -> String) throws -> String {
        let store = try Fixtures.store()
        _ = try store.importFile(.communes, path: Fixtures.seeds.appendingPathComponent("demo/communes.csv").path)
        _ = try store.importData(.lieux, name: name, data: Data(text.utf8))
        return try export(try store.lieux())
    }

    @Test func csvRoundTripIsByteIdentical() throws {
        let first = try LieuxExport.csv(try loadedDemo().lieux())
        #expect(first.split(separator: "\n").count > 100)
        #expect(try secondExport(of: first, name: "export.csv", export: LieuxExport.csv) == first)
    }

    @Test func jsonRoundTripIsByteIdentical() throws {
        let first = try LieuxExport.json(try loadedDemo().lieux())
        #expect(try secondExport(of: first, name: "export.json", export: LieuxExport.json) == first)
    }

    @Test func exportedCSVIsTheV1Header() throws {
        let text = try LieuxExport.csv(try loadedDemo().lieux())
        #expect(text.hasPrefix("id,pivot,nom,commune,code_postal,code_insee,adresse,complement_adresse,latitude,longitude,typologie,telephone,courriels,site_web,horaires,presentation_resume,presentation_detail,source,itinerance,structure_parente,date_maj,services,publics_specifiquement_adresses,prise_en_charge_specifique,frais_a_charge,dispositif_programmes_nationaux,formations_labels,autres_formations_labels,modalites_acces,modalites_accompagnement,fiche_acces_libre,prise_rdv\n"))
    }

    @Test func geoJSONIsValidAndEscaped() throws {
        let store = try Fixtures.storeWithCommunes()
        let name = "Quote \" backslash \\ <tag> & newline\nend"
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([
            Fixtures.lieu("p1", [.nom: name]), Fixtures.lieu("p2", [.latitude: "", .longitude: ""]),
        ]))
        let text = GeoJSONExport.featureCollection(try store.lieux())
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let features = try #require(object?["features"] as? [[String: Any]])
        #expect(features.count == 2)
        let first = try #require(features[0]["properties"] as? [String: Any])
        #expect(first["nom"] as? String == name && first["position"] as? String == "place")
        let geometry = try #require(features[0]["geometry"] as? [String: Any])
        #expect((geometry["coordinates"] as? [Double]) == [4.6, 44.736])
        // Without coordinates, the commune's centroid (Privas).
        let second = try #require(features[1]["geometry"] as? [String: Any])
        #expect((second["coordinates"] as? [Double]) == [4.599, 44.735])
        #expect((features[1]["properties"] as? [String: Any])?["position"] as? String == "commune")
    }
}
