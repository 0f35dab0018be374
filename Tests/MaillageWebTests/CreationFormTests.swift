import Foundation
import Hummingbird
import HummingbirdTesting
import Maillage
@testable import MaillageWeb
import Testing

/// The forms that add to the directory: a place, an intermediary and a referral from a territory's
/// page, a referral and its removal from a place's page.
@Suite struct CreationFormTests {
    @Test func aTerritoryPageShowsTheFormsToEditorsOnlyEvenWhenCached() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            let (cookie, _) = try await EditFormTests.signIn(client)
            try await client.execute(uri: "/territoires/07", method: .get, headers: [.cookie: cookie]) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("Compléter l&#39;annuaire de ce territoire") && page.contains("action=\"/lieux/ajouter\""))
                #expect(page.contains("action=\"/intervenants/ajouter\"") && page.contains("action=\"/orientations/ajouter\""))
                #expect(page.contains("name=\"zone\" value=\"07\""), "a new intermediary's zone is the territory")
            }
            try await client.execute(uri: "/territoires/07", method: .get) { response in
                #expect(!WebFixture.text(response).contains("Compléter l&#39;annuaire"), "the cached page carries no editor's form")
            }
        }
    }

    @Test func aPlaceAndAnIntermediaryAreAddedFromATerritoryPage() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            let (headers, csrf) = try await EditFormTests.signedIn(client)
            let place = [("csrf", csrf), ("formulaire", CreationForms.placeForm), ("territoire", "07"), ("nom", "Permanence <b>de la gare</b>"),
                         ("code_insee", "07186"), ("horaires", "le mardi")]
            try await client.execute(uri: "/lieux/ajouter", method: .post, headers: headers, body: EditFormTests.form(place)) { response in
                #expect(response.status == .unprocessableContent)
                let page = WebFixture.text(response)
                #expect(page.contains("Rien n&#39;a été ajouté.") && page.contains("horaires"))
                #expect(page.contains("name=\"horaires\" value=\"le mardi\""), "what was typed is kept")
                #expect(page.contains("name=\"nom\" value=\"Permanence &lt;b&gt;de la gare&lt;/b&gt;\""))
            }
            #expect(try store.journal().isEmpty)
            let fixed = place.map { $0.0 == "horaires" ? ($0.0, "Tu 09:00-12:00") : $0 }
            try await client.execute(uri: "/lieux/ajouter", method: .post, headers: headers, body: EditFormTests.form(fixed)) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/lieux/edition-1")
            }
            try await client.execute(uri: "/lieux/edition-1", method: .get) { response in
                #expect(WebFixture.text(response).contains("<h1>Permanence &lt;b&gt;de la gare&lt;/b&gt;</h1>"))
            }
            let intermediary = [("csrf", csrf), ("formulaire", CreationForms.intermediaryForm), ("territoire", "07"), ("nom", "Écrivain public"),
                                ("type", "ecrivain-public"), ("place_id", "edition-1"), ("zone", "07")]
            try await client.execute(uri: "/intervenants/ajouter", method: .post, headers: headers, body: EditFormTests.form(intermediary)) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/lieux/edition-2")
            }
            #expect(try store.profile(of: "edition-1").worksWith.map(\.id) == ["edition-2"])
        }
    }

    @Test func aReferralIsAddedAndRemovedFromAPlacePage() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            let (headers, csrf) = try await EditFormTests.signedIn(client)
            let referral = [("csrf", csrf), ("formulaire", CreationForms.referralForm), ("depuis", "ardeche-lieu-047"), ("from", "ardeche-lieu-047")]
            try await client.execute(uri: "/orientations/ajouter", method: .post, headers: headers,
                                     body: EditFormTests.form(referral + [("to", "nulle-part")])) { response in
                #expect(response.status == .unprocessableContent)
                let page = WebFixture.text(response)
                #expect(page.contains("Rien n&#39;a été ajouté.") && page.contains("nulle-part"))
            }
            try await client.execute(uri: "/orientations/ajouter", method: .post, headers: headers,
                                     body: EditFormTests.form(referral + [("to", "ardeche-lieu-110"), ("service", "caf")])) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/lieux/ardeche-lieu-047")
            }
            try await client.execute(uri: "/lieux/ardeche-lieu-047", method: .get, headers: headers) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("href=\"/lieux/ardeche-lieu-110\"") && page.contains("action=\"/orientations/retirer\""))
            }
            try await client.execute(uri: "/orientations/retirer", method: .post, headers: headers,
                                     body: EditFormTests.form([("csrf", csrf), ("from", "ardeche-lieu-047"), ("to", "ardeche-lieu-110")])) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try !store.profile(of: "ardeche-lieu-047").refersTo.contains { $0.id == "ardeche-lieu-110" })
            #expect(try store.journal().count == 2)
            // Without the session's token, nothing is added.
            try await client.execute(uri: "/orientations/ajouter", method: .post, headers: headers,
                                     body: EditFormTests.form([("csrf", "forged"), ("from", "ardeche-lieu-047"), ("to", "ardeche-lieu-110")])) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
