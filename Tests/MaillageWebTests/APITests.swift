import Foundation
import Hummingbird
import HummingbirdTesting
import Maillage
@testable import MaillageWeb
import Testing

/// Every API route answers as the command line's `--format json` does, from the same library calls.
@Suite struct APITests {
    let snapshot = try! WebFixture.demo.snapshot()

    @Test func relaysAreTheLibrarysAnswerNearestFirst() async throws {
        var query = RelayQuery(service: "caf", origin: .commune("07186"))
        query.radiusKm = 15
        query.limit = RequestQueries.maximumResults
        let expected = try WebFixture.encoded(try snapshot.directory.answer(query).relays)
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/api/relays?service=caf&commune=07186&radius_km=15", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(WebFixture.text(response) == expected)
                let relays = try #require(try WebFixture.json(response) as? [[String: Any]])
                #expect(relays.count > 1)
                let distances = relays.compactMap { $0["distance_km"] as? Double }
                #expect(distances == distances.sorted())
            }
        }
    }

    @Test func relaysReportAndFiltersReadAsTheCommandLineReadsThem() async throws {
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/api/relays?service=aide-aux-demarches-administratives&commune=07186&radius_km=20&free=1&public=Seniors&format=json-report",
                                     method: .get) { response in
                #expect(response.status == .ok)
                let report = try #require(try WebFixture.json(response) as? [String: Any])
                let filters = try #require(report["filters"] as? [String: Any])
                #expect(filters["free"] as? Bool == true)
                #expect(report["relays"] is [Any])
            }
            // A point instead of a commune; a space as `+`, as forms send it.
            try await client.execute(uri: "/api/relays?service=Aide+aux+d%C3%A9marches+administratives&lat=44.735&lon=4.599&limit=1", method: .get) { response in
                #expect(response.status == .ok)
                let relays = try WebFixture.json(response) as? [Any]
                #expect(relays?.count == 1)
            }
        }
    }

    @Test func badParametersAre400UnknownNamesAre422UnknownIdsAre404() async throws {
        let cases: [(uri: String, status: Int, code: String, mentions: String)] = [
            ("/api/relays?commune=07186", 400, "missing_parameter", "service"),
            ("/api/relays?service=caf", 400, "missing_parameter", "commune"),
            ("/api/relays?service=caf&commune=07186&radius_km=dix", 400, "bad_parameter", "radius_km"),
            ("/api/relays?service=caf&commune=07186&radius_km=-1", 400, "bad_parameter", "radius_km"),
            ("/api/relays?service=caf&commune=07186&limit=100000", 400, "bad_parameter", "limit"),
            ("/api/relays?service=caf&commune=07186&open_at=demain", 400, "bad_parameter", "demain"),
            ("/api/relays?service=caf&commune=07186&lat=44&lon=4", 400, "bad_parameter", "not both"),
            ("/api/relays?service=caf&commune=07186&free=peut-etre", 400, "bad_parameter", "free"),
            ("/api/relays?service=caf&commune=%ZZ", 400, "bad_query_string", "%ZZ"),
            ("/api/relays?service=cafe&commune=07186", 422, "unknown_service", "'CAF'"),
            ("/api/relays?service=caf&commune=99999", 422, "unknown_commune", "99999"),
            ("/api/relays?service=caf&commune=07186&public=Martiens", 422, "unknown_value", "Seniors"),
            ("/api/gaps?service=caf", 400, "missing_parameter", "radius_km"),
            ("/api/gaps?service=caf&radius_km=10&level=canton", 400, "bad_parameter", "departement"),
            ("/api/gaps?service=caf&radius_km=10&within=98", 422, "unknown_territory", "98"),
            ("/api/access?service=caf&method=3sfca", 400, "bad_parameter", "e2sfca"),
            ("/api/access?service=caf&bands=10:x", 400, "bad_parameter", "10:x"),
            ("/api/access?service=caf&demand=fragility", 422, "no_fragility_index", "fragility"),
            ("/api/plan?service=caf&radius_km=10&sites=0", 400, "bad_parameter", "sites"),
            ("/api/network?level=everyone", 400, "bad_parameter", "intermediaries"),
            ("/api/places/nobody-here", 404, "unknown_id", "nobody-here"),
            ("/api/search", 400, "missing_parameter", "q"),
            ("/api/communes?q=", 400, "missing_parameter", "q"),
            ("/api/nothing", 404, "not_found", "/api/nothing"),
        ]
        try await WebFixture.withClient { client in
            for test in cases {
                try await client.execute(uri: test.uri, method: .get) { response in
                    #expect(response.status.code == test.status, "\(test.uri)")
                    #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(test.uri)")
                    let body = try #require(try WebFixture.json(response) as? [String: Any], "\(test.uri)")
                    let error = try #require(body["error"] as? [String: String], "\(test.uri)")
                    #expect(error["code"] == test.code, "\(test.uri)")
                    #expect(error["message"]?.contains(test.mentions) == true, "\(test.uri): \(error["message"] ?? "")")
                    #expect(error["message"]?.contains("/work") == false)
                }
            }
        }
    }

    @Test func reportsAreTheLibrarysReportsWithTheirFilters() async throws {
        let territories = snapshot.territories
        var gaps = GapQuery(service: "caf", radiusKm: 10)
        gaps.level = .epci
        let gapReport = try snapshot.directory.gaps(gaps, territories: territories)
        let gapFilters = try snapshot.directory.appliedFilters(gaps, territories: territories)
        var access = AccessQuery(service: "caf")
        access.within = "200072015"
        var plan = PlanQuery(coverage: GapQuery(service: "caf", radiusKm: 10))
        plan.sites = 2
        let expectations: [(uri: String, body: String)] = [
            ("/api/gaps?service=caf&radius_km=10&level=epci", try WebFixture.encoded(FilteredReport(gapReport, filters: gapFilters))),
            ("/api/access?service=caf&within=200072015", try WebFixture.encoded(try snapshot.directory.access(access, territories: territories))),
            ("/api/fragility?service=caf&radius_km=10",
             try WebFixture.encoded(FilteredReport(try snapshot.directory.singleRelays(GapQuery(service: "caf", radiusKm: 10), territories: territories),
                                                   filters: try snapshot.directory.appliedFilters(GapQuery(service: "caf", radiusKm: 10), territories: territories)))),
            ("/api/plan?service=caf&radius_km=10&sites=2",
             try WebFixture.encoded(FilteredReport(try snapshot.directory.plan(plan, territories: territories),
                                                   filters: try snapshot.directory.appliedFilters(plan.coverage, territories: territories)))),
            ("/api/network?within=07", try WebFixture.encoded(try snapshot.network(within: "07"))),
            ("/api/places/ardeche-lieu-047", try WebFixture.encoded(try WebFixture.demo.profile(of: "ardeche-lieu-047"))),
            ("/api/search?q=ccas+privas&limit=3", try WebFixture.encoded(try WebFixture.demo.tolerantSearch("ccas privas", limit: 3))),
            ("/api/stats", try WebFixture.encoded(try WebFixture.demo.statistics())),
        ]
        try await WebFixture.withClient { client in
            for expectation in expectations {
                try await client.execute(uri: expectation.uri, method: .get) { response in
                    #expect(response.status == .ok, "\(expectation.uri)")
                    #expect(WebFixture.text(response) == expectation.body, "\(expectation.uri)")
                }
            }
        }
    }

    @Test func anIdInThePathMayBePercentEncoded() async throws {
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/api/places/ardeche%2Dlieu%2D047", method: .get) { response in
                #expect(response.status == .ok)
                let place = try WebFixture.json(response) as? [String: Any]
                #expect(place?["id"] as? String == "ardeche-lieu-047")
            }
        }
    }

    @Test func communeSuggestionsMatchNamesAccentsAsideAndCodes() async throws {
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/api/communes?q=saint+ag", method: .get) { response in
                let names = (try WebFixture.json(response) as? [[String: Any]])?.compactMap { $0["nom"] as? String } ?? []
                #expect(names.contains("Saint-Agrève"))
                #expect(names.allSatisfy { $0.hasPrefix("Saint-Ag") })
            }
            try await client.execute(uri: "/api/communes?q=07186", method: .get) { response in
                let first = (try WebFixture.json(response) as? [[String: Any]])?.first
                #expect(first?["nom"] as? String == "Privas")
                #expect(first?["population"] as? Int == 8538)
            }
            try await client.execute(uri: "/api/communes?q=PRIVAS", method: .get) { response in
                let first = try WebFixture.json(response) as? [[String: Any]]
                #expect(first?.first?["code"] as? String == "07186")
            }
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        try await WebFixture.withClient { client in
            for uri in ["/", "/api/stats", "/api/nothing", "/nothing", "/style.css", "/api/relays?service=x"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(policy.contains("default-src 'none'") && !policy.contains("unsafe-inline") && !policy.contains("script-src"), "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(response.headers[.init("Referrer-Policy")!] == "same-origin", "\(uri)")
                }
            }
        }
    }

    @Test func bodiesOverOneMegabyteAreRefusedWith413() async throws {
        try await WebFixture.withClient { client in
            let big = ByteBuffer(repeating: UInt8(ascii: "x"), count: (1 << 20) + 1)
            try await client.execute(uri: "/api/relays?service=caf&commune=07186", method: .post, body: big) { response in
                #expect(response.status == .contentTooLarge)
                let body = try WebFixture.json(response) as? [String: [String: String]]
                #expect(body?["error"]?["code"] == "body_too_large")
            }
            try await client.execute(uri: "/", method: .post, body: big) { response in
                #expect(response.status == .contentTooLarge)
                #expect(WebFixture.text(response).contains("<h1>Demande trop volumineuse</h1>"))
            }
        }
    }
}

/// Coverage questions at a moment through the API: `open_at` on gaps, fragility and access.
@Suite struct OpenAtAPITests {
    @Test func coverageQuestionsTakeOpenAtAndSayWhatWasLeftOut() async throws {
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/api/gaps?service=caf&radius_km=15&within=07&open_at=2026-12-05T10:30", method: .get) { response in
                #expect(response.status == .ok)
                let filters = (try WebFixture.json(response) as? [String: Any])?["filters"] as? [String: Any]
                #expect(filters?["open_at"] as? String == "2026-12-05T10:30" && filters?["without_place_left_out"] is Int)
            }
            try await client.execute(uri: "/api/fragility?service=caf&radius_km=15&open_at=2026-12-05T10:30", method: .get) { response in
                let filters = (try WebFixture.json(response) as? [String: Any])?["filters"] as? [String: Any]
                #expect(filters?["open_at"] as? String == "2026-12-05T10:30")
            }
            try await client.execute(uri: "/api/access?service=caf&open_at=2026-12-05T10:30", method: .get) { response in
                let report = try WebFixture.json(response) as? [String: Any]
                #expect(report?["open_at"] as? String == "2026-12-05T10:30" && report?["unknown_hours_left_out"] is Int)
            }
            try await client.execute(uri: "/api/plan?service=aide-aux-demarches-administratives&radius_km=15&open_at=2026-12-05T10:30", method: .get) { response in
                let plan = try WebFixture.json(response) as? [String: Any]
                #expect(plan?["candidates"] as? String == "closed" && (plan?["sites"] as? [[String: Any]])?.first?["id"] as? String == "ardeche-lieu-040",
                        "Saturday 10:30: Lamastre's France Services, were it open then")
            }
            try await client.execute(uri: "/api/plan?service=caf&radius_km=15&candidates=closed", method: .get) { response in
                #expect(response.status == .badRequest && WebFixture.text(response).contains("candidates=closed needs open_at"))
            }
            try await client.execute(uri: "/api/gaps?service=caf&radius_km=15&open_at=samedi", method: .get) { response in
                #expect(response.status.code >= 400 && WebFixture.text(response).contains("samedi"))
            }
        }
    }
}
