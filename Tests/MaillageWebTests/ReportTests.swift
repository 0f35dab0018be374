import Foundation
import Hummingbird
import HummingbirdTesting
import Maillage
@testable import MaillageWeb
import Testing

/// "Signaler une erreur": open to anyone, rate-limited, listed for editors, closed by an edit or dismissed.
@Suite struct ReportTests {
    /// The report form's token and the cookie that goes with it, from a place's page.
    static func reportForm(_ client: any TestClientProtocol, cookie: String? = nil) async throws -> (csrf: String, cookie: String) {
        try await client.execute(uri: "/lieux/ardeche-lieu-047", method: .get, headers: cookie.map { [.cookie: $0] } ?? [:]) { response in
            let page = WebFixture.text(response)
            #expect(page.contains("<label for=\"signalement-categorie\">") && page.contains("<label for=\"signalement-texte\">"))
            let start = try #require(page.range(of: "action=\"/lieux/ardeche-lieu-047/signaler\" method=\"post\"><input type=\"hidden\" name=\"csrf\" value=\""))
            let csrf = String(page[start.upperBound...].prefix { $0 != "\"" })
            let set = try #require(EditorTests.setCookie(ReportRoutes.cookie, in: response))
            #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict"))
            return (csrf, String(set.split(separator: ";")[0]))
        }
    }

    static func send(_ client: any TestClientProtocol, _ fields: [(String, String)], cookie: String) async throws -> TestResponse {
        try await client.execute(uri: "/lieux/ardeche-lieu-047/signaler", method: .post,
                                 headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: EditFormTests.form(fields))
    }

    @Test func anyoneReportsAnErrorAndEditorsSeeIt() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store, tokens: EditorTests.tokens) { client in
            let (csrf, cookie) = try await Self.reportForm(client)
            let response = try await Self.send(client, [("csrf", csrf), ("categorie", "horaires"), ("texte", "Fermé le mardi <script>x</script>")], cookie: cookie)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/lieux/ardeche-lieu-047?signale=1#signaler")
            try await client.execute(uri: "/lieux/ardeche-lieu-047?signale=1", method: .get) { page in
                #expect(WebFixture.text(page).contains("Merci : votre signalement a été transmis"))
            }
            try await client.execute(uri: "/signalements", method: .get) { page in #expect(page.status == .unauthorized) }
            let (session, sessionCSRF) = try await EditFormTests.signIn(client)
            try await client.execute(uri: "/signalements", method: .get, headers: [.cookie: session]) { page in
                let text = WebFixture.text(page)
                #expect(text.contains("Les horaires") && text.contains("Fermé le mardi &lt;script&gt;x&lt;/script&gt;") && !text.contains("<script"))
            }
            let report = try #require(try store.errorReports().first)
            try await client.execute(uri: "/signalements/\(report.id)/ecarter", method: .post,
                                     headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                                     body: EditFormTests.form([("csrf", sessionCSRF)])) { response in
                #expect(response.status == .seeOther)
            }
            #expect(try store.errorReports().isEmpty)
            #expect(try store.errorReports(openOnly: false).first?.status == .dismissed)
        }
    }

    @Test func aReportWithoutItsTokenOrWithABadValueIsRefusedAndTheSixthIsTooMany() async throws {
        let store = try WebFixture.demoStore()
        try await WebFixture.withClient(store) { client in
            let (csrf, cookie) = try await Self.reportForm(client)
            #expect(try await Self.send(client, [("csrf", "forged"), ("categorie", "horaires")], cookie: cookie).status == .forbidden)
            #expect(try await Self.send(client, [("csrf", csrf), ("categorie", "tout")], cookie: cookie).status == .badRequest)
            #expect(try await Self.send(client, [("csrf", csrf), ("categorie", "contact"), ("texte", String(repeating: "a", count: 1_001))],
                                        cookie: cookie).status == .badRequest)
            for _ in 1...5 {
                #expect(try await Self.send(client, [("csrf", csrf), ("categorie", "contact")], cookie: cookie).status == .seeOther)
            }
            let sixth = try await Self.send(client, [("csrf", csrf), ("categorie", "contact")], cookie: cookie)
            #expect(sixth.status == .tooManyRequests)
            #expect(WebFixture.text(sixth).contains("Trop de signalements"))
        }
        #expect(try store.errorReports().count == 5)
    }

    @Test func anEditOfTheFieldsAReportIsAboutClosesIt() throws {
        let store = try WebFixture.demoStore()
        try store.report(place: "ardeche-lieu-047", category: .horaires, text: "")
        try store.report(place: "ardeche-lieu-047", category: .contact, text: "")
        let edit = try store.editPlace("ardeche-lieu-047", fields: ["horaires": .text("Mo-Fr 09:00-12:00")], editor: "alice")
        let reports = try store.errorReports(openOnly: false)
        #expect(reports.first { $0.category == .horaires }?.status == .closed)
        #expect(reports.first { $0.category == .horaires }?.closingEdit == edit.id)
        #expect(reports.first { $0.category == .contact }?.status == .open, "an edit of the hours does not correct the contacts")
        #expect(throws: EditError.unknownReport(999)) { try store.closeReport(999, editor: "alice", dismissed: true) }
    }
}
