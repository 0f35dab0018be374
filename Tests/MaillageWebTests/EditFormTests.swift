import Foundation
import Hummingbird
import HummingbirdTesting
import Maillage
@testable import MaillageWeb
import Testing

/// The editors' forms: correcting a place from its page, "still true today", the journal and undo.
@Suite struct EditFormTests {
    /// Signs in as alice: the session cookie, and the CSRF token its forms carry.
    static func signIn(_ client: any TestClientProtocol) async throws -> (cookie: String, csrf: String) {
        let (csrf, csrfCookie) = try await client.execute(uri: "/connexion", method: .get) { response in
            (try #require(EditorTests.csrfField(WebFixture.text(response))),
             String(try #require(EditorTests.setCookie(EditorRoutes.csrfCookie, in: response)).split(separator: ";")[0]))
        }
        let cookie = try await client.execute(uri: "/connexion", method: .post, headers: [.cookie: csrfCookie, .contentType: "application/x-www-form-urlencoded"],
                                              body: ByteBuffer(string: "csrf=\(csrf)&token=alice-0123456789abcdef")) { response in
            String(try #require(EditorTests.setCookie(EditorSessions.cookie, in: response)).split(separator: ";")[0])
        }
        let sessionCSRF = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
            try #require(EditorTests.csrfField(WebFixture.text(response)))
        }
        return (cookie, sessionCSRF)
    }

    /// Signs in as alice: the headers of a form sent in her session, and the form's CSRF token.
    static func signedIn(_ client: any TestClientProtocol) async throws -> (headers: HTTPFields, csrf: String) {
        let (cookie, csrf) = try await signIn(client)
        var headers = formType
        headers[.cookie] = cookie
        return (headers, csrf)
    }

    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        ByteBuffer(string: fields.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&"))
    }

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func anEditorCorrectsAPhoneNumberSeesItAndUndoesItFromTheJournal() async throws {
        let store = try WebFixture.demoStore()
        let original = try #require(try store.profile(of: "ardeche-lieu-047").telephone)
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            // Anonymous visitors see no form.
            try await client.execute(uri: "/lieux/ardeche-lieu-047", method: .get) { response in
                #expect(!WebFixture.text(response).contains("Corriger ces informations"))
            }
            let (cookie, csrf) = try await Self.signIn(client)
            var headers = Self.formType
            headers[.cookie] = cookie
            try await client.execute(uri: "/lieux/ardeche-lieu-047", method: .get, headers: headers) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("<h2 id=\"corriger\">Corriger ces informations</h2>"))
                #expect(page.contains("<label for=\"edit-telephone\">Téléphone</label>"))
                #expect(page.contains("value=\"\(original)\""))
            }
            let shown = try store.editableValues(of: "ardeche-lieu-047")
            let fields = EditForm.placeFields.map { ($0.name, shown.values[$0.name] ?? "") }
            let changed = fields.map { $0.0 == "telephone" ? ($0.0, "+33475999999") : $0 }
            try await client.execute(uri: "/lieux/ardeche-lieu-047/modifier", method: .post, headers: headers,
                                     body: Self.form([("csrf", csrf)] + changed)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/lieux/ardeche-lieu-047")
            }
            try await client.execute(uri: "/lieux/ardeche-lieu-047", method: .get) { response in
                #expect(WebFixture.text(response).contains("+33475999999"))
            }
            let entry = try #require(try store.journal().first)
            #expect(entry.editor == "alice" && entry.changes.map(\.field) == ["telephone"], "only the field changed is edited")
            try await client.execute(uri: "/journal", method: .get, headers: headers) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("+33475999999") && page.contains("action=\"/journal/\(entry.id)/annuler\""))
            }
            try await client.execute(uri: "/journal/\(entry.id)/annuler", method: .post, headers: headers, body: Self.form([("csrf", csrf)])) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/lieux/ardeche-lieu-047", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.contains(original) && !page.contains("+33475999999"))
            }
        }
    }

    @Test func aFormWithoutSessionOrTokenOrWithABadValueChangesNothing() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            try await client.execute(uri: "/lieux/ardeche-lieu-047/modifier", method: .post, headers: Self.formType,
                                     body: Self.form([("csrf", "x"), ("telephone", "+33475999999")])) { response in
                #expect(response.status == .unauthorized)
            }
            let (cookie, csrf) = try await Self.signIn(client)
            var headers = Self.formType
            headers[.cookie] = cookie
            try await client.execute(uri: "/lieux/ardeche-lieu-047/modifier", method: .post, headers: headers,
                                     body: Self.form([("csrf", "forged"), ("telephone", "+33475999999")])) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/lieux/ardeche-lieu-047/modifier", method: .post, headers: headers,
                                     body: Self.form([("csrf", csrf), ("nom", "CCAS de Privas"), ("horaires", "le lundi matin")])) { response in
                #expect(response.status == .unprocessableContent)
                let page = WebFixture.text(response)
                #expect(page.contains("Rien n&#39;a été modifié") && page.contains("horaires"))
                #expect(page.contains("value=\"le lundi matin\""), "what was typed is kept in the form")
            }
            try await client.execute(uri: "/lieux/ardeche-lieu-047/verifie", method: .post, headers: headers, body: Self.form([("csrf", csrf)])) { response in
                #expect(response.status == .seeOther)
            }
        }
        #expect(try store.journal().map(\.action) == ["verified"], "only the verification went through")
    }

    @Test func aFieldTheFormLeavesOutIsNotCleared() async throws {
        let store = try WebFixture.demoStore()
        let adresse = try store.profile(of: "ardeche-lieu-047").adresse
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            let (cookie, csrf) = try await Self.signIn(client)
            var headers = Self.formType
            headers[.cookie] = cookie
            try await client.execute(uri: "/lieux/ardeche-lieu-047/modifier", method: .post, headers: headers,
                                     body: Self.form([("csrf", csrf), ("telephone", "+33475888888")])) { response in
                #expect(response.status == .seeOther)
            }
        }
        #expect(try store.profile(of: "ardeche-lieu-047").adresse == adresse)
        #expect(try store.journal().first?.changes.map(\.field) == ["telephone"])
    }

    @Test func anEditorCorrectsAnIntermediaryFromItsPage() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            let (cookie, csrf) = try await Self.signIn(client)
            var headers = Self.formType
            headers[.cookie] = cookie
            try await client.execute(uri: "/lieux/ardeche-int-004", method: .get, headers: headers) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("<label for=\"edit-headcount\">Effectif</label>") && page.contains("name=\"headcount\" value=\"5\""))
                #expect(page.contains("name=\"place_id\" value=\"ardeche-lieu-002\""))
                #expect(!page.contains("Toujours vrai aujourd"), "an intermediary has no update date")
            }
            let shown = try store.editableValues(of: "ardeche-int-004")
            let fields = EditForm.intermediaryFields.map { ($0.name, $0.name == "headcount" ? "6" : shown.values[$0.name] ?? "") }
            try await client.execute(uri: "/lieux/ardeche-int-004/modifier", method: .post, headers: headers,
                                     body: Self.form([("csrf", csrf)] + fields)) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try store.journal().first?.changes.map { [$0.field, $0.before, $0.after] } == [["headcount", "5", "6"]], "only the field changed is edited")
            try await client.execute(uri: "/lieux/ardeche-int-004/modifier", method: .post, headers: headers,
                                     body: Self.form([("csrf", csrf), ("type", "astronaute")])) { response in
                #expect(response.status == .unprocessableContent)
                #expect(WebFixture.text(response).contains("expected an actor type"))
            }
        }
    }
}
