import Foundation
import Testing
@testable import Maillage

/// A hand-built directory around Privas whose answers are known in advance. Distances were
/// computed independently (Python, haversine on R = 6371.0 km) from Privas's centroid (44.735, 4.599):
/// A 0.13639 km, B 25.02606 km, C 20.89498 km, D (Lyon) 115.40041 km.
@Suite struct RelayQueryTests {
    static func directory() throws -> RelayDirectory {
        let store = try Fixtures.storeWithCommunes()
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux([
            Fixtures.lieu("a-privas", [.latitude: "44.736", .longitude: "4.6", .services: "Aide aux démarches administratives",
                                       .publicsSpecifiquementAdresses: "Seniors", .priseEnChargeSpecifique: "Surdité",
                                       .fraisACharge: "Gratuit", .dispositifProgrammesNationaux: "France Services",
                                       .horaires: "Mo-Fr 09:00-12:00", .modalitesAccompagnement: "Accompagnement individuel"]),
            Fixtures.lieu("b-alboussiere", [.codeInsee: "07007", .latitude: "44.94", .longitude: "4.73",
                                            .services: "Réaliser des démarches administratives avec un accompagnement", .fraisACharge: "Payant"]),
            Fixtures.lieu("c-aubenas", [.codeInsee: "07019", .latitude: "44.62", .longitude: "4.39", .services: "Loisirs et créations numériques"]),
            Fixtures.lieu("d-lyon", [.codeInsee: "69123", .codePostal: "69003", .latitude: "45.76", .longitude: "4.83",
                                     .services: "Aide aux démarches administratives", .modalitesAccompagnement: "À distance"]),
        ]))
        let intermediaries = """
            id,nom,type,place_id,headcount,services,zone,modalites_accompagnement,itinerance
            i-a,Conseillers de Privas,conseiller-numerique,a-privas,2,CAF,,Dans un atelier collectif,
            i-zone,Écrivain public itinérant,ecrivain-public,,1,ANTS,200071413,,Itinérant
            i-remote,Aide à distance,agent-accueil,,3,Aide aux démarches administratives,,À distance,
            i-c,Bibliothécaires d'Aubenas,bibliothecaire,c-aubenas,,Loisirs et créations numériques,,,

            """
        _ = try store.importData(.intermediaries, name: "i.csv", data: Data(intermediaries.utf8))
        return try store.relayDirectory()
    }

    private func ids(_ query: RelayQuery) throws -> [String] {
        try Self.directory().relays(query).map(\.id)
    }

    private func query(_ service: String = "aide-aux-demarches-administratives", radius: Double = 10, _ configure: (inout RelayQuery) -> Void = { _ in }) -> RelayQuery {
        var query = RelayQuery(service: service, origin: .commune("07186"))
        query.radiusKm = radius
        configure(&query)
        return query
    }

    @Test func nearbyZoneAndRemoteRelaysNearestFirst() throws {
        let results = try Self.directory().relays(query())
        #expect(results.map(\.id) == ["a-privas", "d-lyon", "i-remote", "i-zone"])
        let a = results[0]
        #expect(abs((a.distanceKm ?? 0) - 0.13639481409888599) < 1e-9)
        #expect(a.services == ["Aide aux démarches administratives", "CAF"])
        #expect(a.intermediaries == [RelayResult.Member(id: "i-a", nom: "Conseillers de Privas", type: "conseiller-numerique", headcount: 2)])
        #expect(!a.remote && !a.zone && a.kind == .place && a.codeInsee == "07186")
        let lyon = results[1]
        #expect(lyon.remote && !lyon.zone && abs((lyon.distanceKm ?? 0) - 115.40041363478016) < 1e-9)
        #expect(results[2].kind == .intermediary && results[2].remote && results[2].distanceKm == nil)
        #expect(results[3].zone && results[3].services == ["ANTS"])
    }

    @Test func theRadiusIsInclusiveAndFinerServicesMatch() throws {
        #expect(try ids(query(radius: 25.02)).contains("b-alboussiere") == false)
        let wider = try Self.directory().relays(query(radius: 25.03))
        let b = try #require(wider.first { $0.id == "b-alboussiere" })
        #expect(b.services == ["Réaliser des démarches administratives avec un accompagnement"])
        #expect(abs((b.distanceKm ?? 0) - 25.026056145527253) < 1e-9)
        // Exactly at the distance: inside.
        #expect(try ids(query(radius: 25.026056145527253)).contains("b-alboussiere"))
    }

    @Test func aPointOriginUsesItsCoordinatesAndItsNearestCommuneForZones() throws {
        var point = RelayQuery(service: "Aide aux démarches administratives", origin: .point(latitude: 44.7, longitude: 4.55))
        point.radiusKm = 6
        let results = try Self.directory().relays(point)
        #expect(results.map(\.id) == ["a-privas", "d-lyon", "i-remote", "i-zone"])
        #expect(abs((results[0].distanceKm ?? 0) - 5.624203961487659) < 1e-9)
    }

    @Test(arguments: [
        ("publics", ["a-privas"]), ("prise-en-charge", ["a-privas"]), ("free", ["a-privas"]),
        ("label", ["a-privas"]), ("modalite-remote", ["d-lyon", "i-remote"]), ("modalite-atelier", ["a-privas"]),
    ])
    func everyFilterKeepsWhatItShould(filter: String, expected: [String]) throws {
        let results = try ids(query(radius: 30) { query in
            switch filter {
            case "publics": query.publics = ["seniors"]
            case "prise-en-charge": query.priseEnCharge = ["Surdité"]
            case "free": query.free = true
            case "label": query.labels = ["France Services"]
            case "modalite-remote": query.modalites = ["À distance"]
            default: query.modalites = ["Dans un atelier collectif"]
            }
        })
        #expect(results == expected)
    }

    @Test func openAtKeepsWhatIsOpenThen() throws {
        let monday = try #require(LocalDateTime(parsing: "2025-03-17T10:00"))
        let saturday = try #require(LocalDateTime(parsing: "2025-03-15T10:00"))
        #expect(try ids(query { $0.openAt = monday }) == ["a-privas"])
        #expect(try ids(query { $0.openAt = saturday }).isEmpty)
    }

    @Test func limitAndOtherServices() throws {
        #expect(try ids(query { $0.limit = 2 }) == ["a-privas", "d-lyon"])
        #expect(try ids(query("Loisirs et créations numériques", radius: 21)) == ["c-aubenas"])
        #expect(try ids(query("Parentalité et éducation avec le numérique", radius: 500)).isEmpty)
    }

    @Test func errorsNameWhatWasAskedAndWhatIsKnown() throws {
        let directory = try Self.directory()
        let unknown = #expect(throws: QueryError.self) {
            try directory.relays(RelayQuery(service: "aide aux demarche", origin: .commune("07186")))
        }
        guard case .unknownService(let name, let closest)? = unknown else { Issue.record("expected unknownService"); return }
        #expect(name == "aide aux demarche" && closest.count == 3 && closest.first == "Aide aux démarches administratives")
        #expect(unknown?.localizedDescription.contains("Closest known services: 'Aide aux démarches administratives'") == true)
        #expect(throws: QueryError.unknownCommune("07999")) {
            try directory.relays(RelayQuery(service: "caf", origin: .commune("07999")))
        }
        let error = #expect(throws: QueryError.self) { try directory.relays(query { $0.publics = ["Retraités"] }) }
        #expect(error?.localizedDescription.contains("'Seniors'") == true)
        #expect(LocalDateTime(parsing: "2025-02-30T10:00") == nil && LocalDateTime(parsing: "demain") == nil)
    }
}

@Suite struct RelayJSONTests {
    @Test func jsonCarriesTheContractKeys() throws {
        var query = RelayQuery(service: "aide-aux-demarches-administratives", origin: .commune("07186"))
        query.radiusKm = 1
        let results = try RelayQueryTests.directory().relays(query)
        let data = try JSONEncoder().encode(results)
        let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let first = try #require(objects.first)
        for key in ["id", "nom", "code_insee", "distance_km", "services", "intermediaries", "kind", "remote", "zone"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["kind"] as? String == "place" && first["remote"] as? Bool == false)
        // A placeless intermediary has a null distance, not a missing one.
        let placeless = try #require(objects.first { $0["kind"] as? String == "intermediary" })
        #expect(placeless["distance_km"] is NSNull && placeless["code_insee"] is NSNull)
    }
}
