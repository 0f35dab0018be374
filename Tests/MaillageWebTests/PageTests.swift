import Foundation
import Hummingbird
import HummingbirdTesting
import Maillage
@testable import MaillageWeb
import Testing

/// The pages: French, one h1, labelled fields, a skip link; the answers they show are the library's.
@Suite struct PageTests {
    /// Tuesday 1 December 2026, 10:30 in France.
    static let tuesdayMorning = LocalDateTime(year: 2026, month: 12, day: 1, hour: 10, minute: 30)

    static let everyPageKind = [
        "/", "/?commune=07186", "/recherche?service=caf&commune=Privas&radius_km=15", "/recherche?service=caf&commune=saint",
        "/communes/07186", "/lieux/ardeche-lieu-047", "/territoires/07", "/territoires/200072015?service=caf&radius_km=5",
        "/territoires/07186", "/territoires/region:84", "/reseau/07", "/reseau/200072015",
        "/orienter", "/orienter?service=caf&commune=07186", "/orienter/fiche?lieu=ardeche-lieu-001&service=caf", "/journal",
    ]

    @Test(arguments: everyPageKind)
    func everyPageIsFrenchWithOneHeadingASkipLinkAndLabelledFields(uri: String) async throws {
        try await WebFixture.withClient(now: Self.tuesdayMorning) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = WebFixture.text(response)
                #expect(page.hasPrefix("<!doctype html>\n<html lang=\"fr\">"))
                #expect(page.components(separatedBy: "<h1>").count == 2, "one h1")
                #expect(page.contains("<a class=\"skip\" href=\"#contenu\">") && page.contains("<main id=\"contenu\""))
                #expect(!page.contains("<script"), "no script at all")
                for id in Self.fieldIds(page) { #expect(page.contains("<label for=\"\(id)\">"), "\(uri): field \(id) has a label") }
            }
        }
    }

    /// The ids of the form fields of a page.
    static func fieldIds(_ page: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "<(?:input|select|textarea)[^>]* id=\"([^\"]+)\"")
        return pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).compactMap { match in
            Range(match.range(at: 1), in: page).map { String(page[$0]) }
        }
    }

    @Test func searchResultsAreTheLibrarysNearestFirstWithOpenNowBadges() async throws {
        let snapshot = try WebFixture.demo.snapshot()
        var query = RelayQuery(service: "caf", origin: .commune("07186"))
        query.radiusKm = 15
        let relays = try snapshot.directory.relays(query)
        var asked = query
        asked.limit = RequestQueries.maximumResults
        let csv = try snapshot.directory.answer(asked).csv()
        try await WebFixture.withClient(now: Self.tuesdayMorning) { client in
            try await client.execute(uri: "/recherche?service=caf&commune=privas&radius_km=15", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("<h1>CAF près de Privas (07186)</h1>"))
                #expect(page.contains("\(relays.count) relais à moins de 15 km"))
                // In the library's order.
                let positions = relays.map { page.range(of: "href=\"/lieux/\($0.id)\"")?.lowerBound }
                #expect(positions.allSatisfy { $0 != nil })
                #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
                // CCAS de Privas: Mo,Tu,Th,Fr 09:00-12:00 — open on a Tuesday at 10:30.
                let ccas = try #require(page.range(of: "CCAS de Privas</a></h3>"))
                #expect(page[ccas.upperBound...].prefix(300).contains("Ouvert maintenant"))
                #expect(page.contains("href=\"/recherche.csv?service=caf&amp;commune=privas&amp;radius_km=15\""))
            }
            try await client.execute(uri: "/recherche.csv?service=caf&commune=07186&radius_km=15", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"relais.csv\"")
                #expect(WebFixture.text(response) == csv)
            }
            try await client.execute(uri: "/recherche.geojson?service=caf&commune=07186&radius_km=15", method: .get) { response in
                let collection = try #require(try WebFixture.json(response) as? [String: Any])
                let features = try #require(collection["features"] as? [[String: Any]])
                #expect(features.count == relays.filter { $0.latitude != nil }.count)
                let first = try #require(features.first?["geometry"] as? [String: Any])
                let coordinates = try #require(first["coordinates"] as? [Double])
                #expect(coordinates == [relays[0].longitude!, relays[0].latitude!], "longitude first")
            }
        }
    }

    @Test func aNameSeveralCommunesShareAsksWhichOneAndAnUnknownOneSaysSo() async throws {
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/recherche?service=caf&commune=saint+a", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("Plusieurs communes correspondent"))
                #expect(page.contains("href=\"/recherche?service=caf&amp;commune=07204\""))
            }
            try await client.execute(uri: "/recherche?service=caf&commune=Atlantide", method: .get) { response in
                #expect(WebFixture.text(response).contains("Aucune commune ne correspond à « Atlantide »"))
            }
            try await client.execute(uri: "/recherche.csv?service=caf&commune=saint", method: .get) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    @Test func aPlaceByAnyIdWithItsWeekTodayMarkedItsFreshnessAndItsDiagram() async throws {
        try await WebFixture.withClient(now: Self.tuesdayMorning) { client in
            try await client.execute(uri: "/lieux/ardeche-lieu-047", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("<h1>CCAS de Privas</h1>"))
                #expect(page.contains("<tr class=\"today\"><th scope=\"row\">Mardi 1 (aujourd&#39;hui)</th><td>9 h – 12 h</td></tr>"))
                #expect(page.contains("<th scope=\"row\">Mercredi 2</th><td>fermé</td>"))
                #expect(page.contains("Dernière mise à jour le"))
                #expect(page.contains("<svg"), "the ego diagram inline")
                #expect(page.contains("href=\"/lieux/ardeche-int-072\""), "its people link to their pages")
                #expect(!page.contains("<?xml") && !page.contains("<!--"))
            }
            try await client.execute(uri: "/lieux/ardeche-lieu-047/schema.svg", method: .get) { response in
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(WebFixture.text(response).contains("<svg"))
            }
            try await client.execute(uri: "/lieux/ardeche-int-072", method: .get) { response in
                #expect(response.status == .ok, "an intermediary's page")
                #expect(WebFixture.text(response).contains("href=\"/lieux/ardeche-lieu-047\""))
            }
        }
    }

    @Test func anOldPlaceIsMarkedAndItsQualityWarningsShown() async throws {
        let store = try WebFixture.demoStore(extraLieux: """
            id,nom,commune,code_insee,latitude,longitude,date_maj,services,horaires
            vieux-lieu,Vieux lieu,Privas,07186,44.735,4.599,2023-05-02,Aide aux démarches administratives,le mardi matin
            """)
        try await WebFixture.withClient(store, now: Self.tuesdayMorning) { client in
            try await client.execute(uri: "/lieux/vieux-lieu", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("Dernière mise à jour le 2 mai 2023 <span class=\"badge old\">plus d&#39;un an</span>"))
                #expect(page.contains("le mardi matin"), "hours that cannot be read are shown as given")
                #expect(page.contains("<h2>Qualité des données</h2>"))
                #expect(page.contains("<li>Horaires illisibles : « le mardi matin »</li>"))
                #expect(page.contains("<li>Pas de mise à jour depuis plus de 12 mois (dernière le 2 mai 2023)</li>"))
            }
        }
    }

    @Test func aCommuneShowsItsPlacesAndTheNearestRelayOfWhatIsMissing() async throws {
        let summary = try WebFixture.demo.snapshot().commune("07186")
        #expect(!summary.places.isEmpty)
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/communes/07186", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("<h1>Privas (07186)</h1>"))
                for place in summary.places { #expect(page.contains("href=\"/lieux/\(place.id)\"")) }
                for missing in summary.elsewhere { #expect(page.contains(HTML.escape(missing.service))) }
            }
            try await client.execute(uri: "/communes/99999", method: .get) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    @Test func aTerritoryShowsItsReportsMapsAndDownloads() async throws {
        let snapshot = try WebFixture.demo.snapshot()
        var gaps = GapQuery(service: "caf", radiusKm: 5)
        gaps.within = "epci:200072015"
        let report = try snapshot.directory.gaps(gaps, territories: snapshot.territories)
        var accessQuery = AccessQuery(service: "caf")
        accessQuery.within = "epci:200072015"
        let access = try snapshot.directory.access(accessQuery, territories: snapshot.territories)
        let single = try snapshot.directory.singleRelays(gaps, territories: snapshot.territories)
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/territoires/200072015?service=caf&radius_km=5", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.components(separatedBy: "<svg").count == 4, "the coverage map, the week's table and the network diagram, inline")
                #expect(page.contains("<h2>Ouverture dans la semaine</h2>") && page.contains("Couverture dans la semaine — CAF à 5 km"))
                #expect(page.contains("xlink:href=\"/communes/07010\""), "communes on the map link to their pages")
                #expect(page.contains("xlink:href=\"/lieux/ardeche-lieu-001\""), "places on the diagram link to theirs")
                for file in ["manques.csv", "accessibilite.csv", "relais-uniques.csv", "couverture.svg", "couverture.png", "semaine.svg", "semaine.png",
                             "reseau.svg", "reseau.png"] {
                    #expect(page.contains("href=\"/territoires/200072015/\(file)?service=caf&amp;radius_km=5\""), "\(file)")
                }
            }
            try await client.execute(uri: "/territoires/200072015/manques.csv?service=caf&radius_km=5", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"200072015-caf-manques.csv\"")
                #expect(WebFixture.text(response) == report.csv())
            }
            try await client.execute(uri: "/territoires/200072015/accessibilite.csv?service=caf&radius_km=5", method: .get) { response in
                #expect(WebFixture.text(response) == access.csv())
            }
            try await client.execute(uri: "/territoires/200072015/relais-uniques.csv?service=caf&radius_km=5", method: .get) { response in
                #expect(WebFixture.text(response) == single.csv())
            }
            try await client.execute(uri: "/territoires/200072015/semaine.svg?service=caf&radius_km=5", method: .get) { response in
                #expect(response.headers[.contentType] == "image/svg+xml" && WebFixture.text(response).contains("Samedi"))
            }
            try await client.execute(uri: "/territoires/200072015/reseau.svg", method: .get) { response in
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(WebFixture.text(response).contains("xlink:href=\"/lieux/ardeche-lieu-001\""))
            }
            try await client.execute(uri: "/territoires/200072015/couverture.png?service=caf&radius_km=5", method: .get) { response in
                #expect(response.headers[.contentType] == "image/png")
                #expect(Array(Data(buffer: response.body).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            }
            try await client.execute(uri: "/territoires/200072015/autre.txt", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func aRegionListsItsDepartementsInsteadOfDrawingItsWholeNetwork() async throws {
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/territoires/region:84?service=caf&radius_km=10", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("<h1>Auvergne-Rhône-Alpes (84)</h1>"))
                #expect(page.components(separatedBy: "<svg").count == 3, "the coverage map and the week's table only")
                #expect(page.contains("href=\"/territoires/07?service=caf&amp;radius_km=10\""))
            }
        }
    }

    @Test func unknownIdsAndCodesGiveAnErrorPageWithoutInternals() async throws {
        try await WebFixture.withClient { client in
            for (uri, status) in [("/lieux/inconnu", 404), ("/lieux/inconnu/schema.svg", 404), ("/lieux/ardeche-lieu-047/schema.pdf", 404), ("/territoires/98", 422), ("/reseau/98", 422), ("/nulle-part", 404),
                                  ("/recherche?commune=07186", 400), ("/recherche?service=cafe&commune=07186", 422)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(Int(response.status.code) == status, "\(uri)")
                    let page = WebFixture.text(response)
                    #expect(page.contains("<html lang=\"fr\">") && page.components(separatedBy: "<h1>").count == 2, "\(uri)")
                    #expect(!page.contains("/work/") && !page.contains(".swift") && !page.contains("Error("), "\(uri)")
                }
            }
        }
    }
}
