import Foundation
import Hummingbird
import HummingbirdTesting
import Maillage
@testable import MaillageWeb
import Testing

/// The API's edits: refused without a token, checked as imports are, seen by the next request,
/// journaled and undone.
@Suite struct EditAPITests {
    static let bearer: HTTPFields = [.authorization: "Bearer alice-0123456789abcdef", .contentType: "application/json"]

    static func error(_ response: TestResponse) -> [String: String]? {
        ((try? WebFixture.json(response)) as? [String: [String: String]])?["error"]
    }

    /// The response's JSON object, or nil.
    static func object(_ response: TestResponse) -> [String: Any]? {
        (try? WebFixture.json(response)) as? [String: Any]
    }

    @Test func anEditNeedsATokenAndAWritableServer() async throws {
        let store = try WebFixture.demoStore()
        let body = ByteBuffer(string: "{\"telephone\": \"+33475000000\"}")
        try await WebFixture.withClient(store) { client in
            try await client.execute(uri: "/api/places/ardeche-lieu-047", method: .patch, headers: Self.bearer, body: body) { response in
                #expect(response.status == .forbidden)
                #expect(Self.error(response)?["code"] == "read_only")
            }
        }
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            try await client.execute(uri: "/api/places/ardeche-lieu-047", method: .patch, body: body) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/places/ardeche-lieu-047/verified", method: .post,
                                     headers: [.authorization: "Bearer not-a-token-at-all-0000"]) { response in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(try store.journal().isEmpty, "nothing was changed")
    }

    @Test func anEditIsSeenByTheNextRequestAndJournaled() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            try await client.execute(uri: "/api/places/ardeche-lieu-047", method: .patch, headers: Self.bearer,
                                     body: ByteBuffer(string: "{\"telephone\": \"+33475000000\", \"horaires\": \"Mo-Su 08:00-20:00\"}")) { response in
                #expect(response.status == .ok)
                let entry = try #require(try WebFixture.json(response) as? [String: Any])
                #expect(entry["editor"] as? String == "alice" && entry["action"] as? String == "edit")
                #expect((entry["changes"] as? [[String: Any]])?.map { $0["field"] as? String } == ["horaires", "telephone"])
            }
            try await client.execute(uri: "/api/places/ardeche-lieu-047", method: .get) { response in
                #expect(Self.object(response)?["telephone"] as? String == "+33475000000")
            }
            // The snapshot moved on: open on Sunday now.
            try await client.execute(uri: "/api/relays?service=caf&commune=07186&radius_km=2&open_at=2026-12-06T10:00", method: .get) { response in
                let ids = ((try? WebFixture.json(response)) as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                #expect(ids.contains("ardeche-lieu-047"))
            }
            try await client.execute(uri: "/api/places/ardeche-lieu-047/verified", method: .post, headers: Self.bearer) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/journal?place=ardeche-lieu-047", method: .get) { response in
                let entries = try #require(try WebFixture.json(response) as? [[String: Any]])
                #expect(entries.map { $0["action"] as? String } == ["verified", "edit"], "newest first")
            }
            try await client.execute(uri: "/api/journal?editor=bob", method: .get) { response in
                let entries = (try? WebFixture.json(response)) as? [Any]
                #expect(entries?.isEmpty == true)
            }
        }
    }

    @Test func refusedValuesChangeNothingAndSayWhy() async throws {
        let store = try WebFixture.demoStore()
        let cases: [(body: String, status: Int, code: String, mentions: String)] = [
            ("{\"latitude\": \"nord\"}", 422, "invalid_value", "latitude 'nord': expected a decimal latitude"),
            ("{\"horaires\": \"lundi matin\"}", 422, "invalid_value", "horaires 'lundi matin'"),
            ("{\"nom\": \"\"}", 422, "invalid_value", "the field is required"),
            ("{\"id\": \"autre\"}", 422, "not_editable", "editable fields"),
            ("{\"telephone\": true}", 400, "bad_body", "telephone"),
            ("[1, 2]", 400, "bad_body", "JSON object"),
            ("{}", 400, "bad_body", "no field"),
            ("pas du JSON", 400, "bad_body", "JSON object"),
        ]
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            for test in cases {
                try await client.execute(uri: "/api/places/ardeche-lieu-047", method: .patch, headers: Self.bearer, body: ByteBuffer(string: test.body)) { response in
                    #expect(Int(response.status.code) == test.status, "\(test.body)")
                    let error = Self.error(response)
                    #expect(error?["code"] == test.code, "\(test.body)")
                    #expect(error?["message"]?.contains(test.mentions) == true, "\(test.body): \(error?["message"] ?? "")")
                }
            }
            try await client.execute(uri: "/api/places/personne", method: .patch, headers: Self.bearer, body: ByteBuffer(string: "{\"telephone\": \"+33100000000\"}")) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(try store.journal().isEmpty)
    }

    @Test func undoRevertsOrSaysWhyNot() async throws {
        let store = try WebFixture.demoStore()
        let original = try store.profile(of: "ardeche-lieu-047").telephone
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            for phone in ["+33475000001", "+33475000002"] {
                try await client.execute(uri: "/api/places/ardeche-lieu-047", method: .patch, headers: Self.bearer,
                                         body: ByteBuffer(string: "{\"telephone\": \"\(phone)\"}")) { response in #expect(response.status == .ok) }
            }
            try await client.execute(uri: "/api/journal/1/undo", method: .post, headers: Self.bearer) { response in
                #expect(response.status == .conflict)
                #expect(Self.error(response)?["message"]?.contains("edit 2 changed 'telephone'") == true)
            }
            try await client.execute(uri: "/api/journal/2/undo", method: .post, headers: Self.bearer) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/api/journal/1/undo", method: .post, headers: Self.bearer) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/api/places/ardeche-lieu-047", method: .get) { response in
                #expect(Self.object(response)?["telephone"] as? String == original)
            }
            try await client.execute(uri: "/api/journal/99/undo", method: .post, headers: Self.bearer) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/api/journal/deux/undo", method: .post, headers: Self.bearer) { response in #expect(response.status == .badRequest) }
        }
    }

    @Test func anEditedHostileNameIsEscapedOnThePages() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            try await client.execute(uri: "/api/places/ardeche-lieu-047", method: .patch, headers: Self.bearer,
                                     body: ByteBuffer(string: "{\"nom\": \"<b>CCAS</b><script>alert(1)</script>\"}")) { response in
                #expect(response.status == .ok)
            }
            for uri in ["/lieux/ardeche-lieu-047", "/communes/07186", "/recherche?service=caf&commune=07186"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let page = WebFixture.text(response)
                    #expect(!page.contains("<script") && !page.contains("<b>CCAS"), "\(uri)")
                    #expect(page.contains("&lt;b&gt;CCAS&lt;/b&gt;&lt;script&gt;"), "\(uri)")
                }
            }
        }
    }
}

/// Referrals on the API.
@Suite struct ReferralAPITests {
    @Test func addingAndRemovingReferralsNeedsATokenAndSaysWhatIsWrong() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            let body = ByteBuffer(string: "{\"from\": \"ardeche-lieu-047\", \"to\": \"ardeche-lieu-110\"}")
            try await client.execute(uri: "/api/referrals", method: .post, body: body) { response in #expect(response.status == .unauthorized) }
            try await client.execute(uri: "/api/referrals", method: .post, headers: EditAPITests.bearer, body: body) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/places/ardeche-lieu-047", method: .get) { response in
                let refers = (EditAPITests.object(response)?["refers_to"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                #expect(refers.contains("ardeche-lieu-110"), "the next request sees it")
            }
            for (uri, method, payload, status) in [
                ("/api/referrals", HTTPRequest.Method.post, "{\"from\": \"ardeche-lieu-047\"}", 400),
                ("/api/referrals", .post, "{\"from\": \"ardeche-lieu-047\", \"to\": \"ardeche-lieu-047\"}", 422),
                ("/api/referrals", .post, "{\"from\": \"ardeche-lieu-047\", \"to\": \"personne\"}", 404),
                ("/api/referrals", .post, "{\"from\": \"ardeche-lieu-047\", \"to\": \"ardeche-lieu-110\", \"service\": \"cafe\"}", 422),
                ("/api/referrals/ardeche-lieu-110/ardeche-lieu-047", .delete, "", 404),
                ("/api/referrals/ardeche-lieu-047/ardeche-lieu-110", .delete, "", 200),
            ] {
                try await client.execute(uri: uri, method: method, headers: EditAPITests.bearer, body: ByteBuffer(string: payload)) { response in
                    #expect(Int(response.status.code) == status, "\(method) \(uri) \(payload)")
                }
            }
        }
    }
}

/// Places added on the API.
@Suite struct PlaceCreationAPITests {
    @Test func aPlaceIsAddedWithATokenAndShownAtOnce() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            let body = ByteBuffer(string: "{\"nom\": \"Permanence de la gare\", \"code_insee\": \"07186\", \"services\": [\"Aide aux démarches administratives\"]}")
            try await client.execute(uri: "/api/places", method: .post, body: body) { response in #expect(response.status == .unauthorized) }
            try await client.execute(uri: "/api/places", method: .post, headers: EditAPITests.bearer, body: body) { response in
                #expect(response.status == .ok)
                #expect(EditAPITests.object(response)?["place"] as? String == "edition-1")
            }
            try await client.execute(uri: "/lieux/edition-1", method: .get) { response in
                #expect(WebFixture.text(response).contains("<h1>Permanence de la gare</h1>"))
            }
            try await client.execute(uri: "/api/places", method: .post, headers: EditAPITests.bearer,
                                     body: ByteBuffer(string: "{\"id\": \"ardeche-lieu-047\", \"nom\": \"Doublon\"}")) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/api/places", method: .post, headers: EditAPITests.bearer,
                                     body: ByteBuffer(string: "{\"adresse\": \"sans nom\"}")) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }
}

/// Intermediaries edited and added through the API.
@Suite struct IntermediaryAPITests {
    @Test func anIntermediaryIsEditedWithATokenCheckedAndShownAtOnce() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            let body = ByteBuffer(string: #"{"headcount": 7, "nom": "<script>alert(1)</script> Bibliothécaires"}"#)
            try await client.execute(uri: "/api/intermediaries/ardeche-int-004", method: .patch, body: body) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/intermediaries/ardeche-int-004", method: .patch, headers: EditAPITests.bearer,
                                     body: ByteBuffer(string: #"{"headcount": "beaucoup"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(EditAPITests.error(response)?["message"]?.contains("expected a whole number of people") == true)
            }
            try await client.execute(uri: "/api/intermediaries/ardeche-lieu-002", method: .patch, headers: EditAPITests.bearer, body: body) { response in
                #expect(response.status == .unprocessableContent)
                #expect(EditAPITests.error(response)?["code"] == "not_an_intermediary")
            }
            try await client.execute(uri: "/api/intermediaries/personne", method: .patch, headers: EditAPITests.bearer, body: body) { response in
                #expect(response.status == .notFound)
            }
            #expect(try store.journal().isEmpty, "nothing was changed")
            try await client.execute(uri: "/api/intermediaries/ardeche-int-004", method: .patch, headers: EditAPITests.bearer, body: body) { response in
                #expect(response.status == .ok)
                #expect((EditAPITests.object(response)?["changes"] as? [[String: Any]])?.map { $0["field"] as? String } == ["headcount", "nom"])
            }
            try await client.execute(uri: "/api/places/ardeche-int-004", method: .get) { response in
                #expect(EditAPITests.object(response)?["headcount"] as? Int == 7)
            }
            // The hostile name is escaped on the place it works at.
            try await client.execute(uri: "/lieux/ardeche-lieu-002", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; Bibliothécaires") && !page.contains("<script>alert"))
            }
        }
    }

    @Test func anIntermediaryIsAddedWithATokenAndShownAtItsPlace() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            let body = ByteBuffer(string: #"{"nom": "Écrivain public", "type": "ecrivain-public", "place_id": "ardeche-lieu-047"}"#)
            try await client.execute(uri: "/api/intermediaries", method: .post, body: body) { response in #expect(response.status == .unauthorized) }
            try await client.execute(uri: "/api/intermediaries", method: .post, headers: EditAPITests.bearer,
                                     body: ByteBuffer(string: #"{"nom": "Sans type"}"#)) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/intermediaries", method: .post, headers: EditAPITests.bearer, body: body) { response in
                #expect(response.status == .ok)
                #expect(EditAPITests.object(response)?["place"] as? String == "edition-1")
            }
            try await client.execute(uri: "/lieux/ardeche-lieu-047", method: .get) { response in
                #expect(WebFixture.text(response).contains("Écrivain public"))
            }
        }
    }
}
