import Foundation
import Hummingbird
import HummingbirdTesting
import Maillage
@testable import MaillageWeb
import Testing

/// Sending a person somewhere: the relays for a need, the referral chains from the coordinator's
/// own place, and the printable referral sheet.
@Suite struct OrientationTests {
    @Test func theRelaysForANeedEachWithItsSheetAndTheChainsFromOnesOwnPlace() async throws {
        let snapshot = try WebFixture.demo.snapshot()
        let chains = try ReferralPaths.chains(in: snapshot.graph, catalog: snapshot.catalog, from: "ardeche-lieu-001", service: "caf", maxHops: 4)
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/orienter", method: .get) { response in
                #expect(WebFixture.text(response).contains("action=\"/orienter\""))
            }
            try await client.execute(uri: "/orienter?service=caf&commune=07186&depuis=ardeche-lieu-001", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("<h1>Orienter : CAF</h1>"))
                #expect(page.contains("href=\"/orienter/fiche?lieu=ardeche-lieu-047&amp;service=caf\""))
                #expect(page.contains("<h2>Depuis votre lieu</h2>") == !chains.isEmpty)
                if let first = chains.first { #expect(page.contains("href=\"/lieux/\(first.relay)\"")) }
            }
        }
    }

    @Test func theSheetSaysWhereWhenAndHowAndFitsAPrintedPage() async throws {
        let profile = try WebFixture.demo.profile(of: "ardeche-lieu-047")
        try await WebFixture.withClient(now: PageTests.tuesdayMorning) { client in
            try await client.execute(uri: "/orienter/fiche?lieu=ardeche-lieu-047&service=caf", method: .get) { response in
                #expect(response.status == .ok)
                let page = WebFixture.text(response)
                #expect(page.contains("<h1>Fiche d&#39;orientation</h1>") && page.contains("Pour : CAF"))
                #expect(page.contains("<h2>CCAS de Privas</h2>"))
                #expect(page.contains("<strong>Mardi 1 décembre</strong> : 9 h – 12 h"))
                #expect(page.contains("<strong>Mercredi 2 décembre</strong> : fermé"))
                #expect(page.contains("<strong>Lundi 7 décembre</strong>"), "seven days from today")
                if let telephone = profile.telephone { #expect(page.contains("Téléphone : " + telephone)) }
                #expect(page.contains("/lieux/ardeche-lieu-047</p>"))
                #expect(!page.contains("<form class=\"search\""), "nothing to fill in about the person")
                #expect(page.contains("<h3>À apporter</h3>") && page.contains("<li>Votre numéro de sécurité sociale</li>"), "the CAF's list")
            }
            // A finer service without a list of its own takes its parent's; no service, no list.
            try await client.execute(uri: "/orienter/fiche?lieu=ardeche-lieu-047&service=realiser-des-demarches-administratives-avec-un-accompagnement",
                                     method: .get) { response in
                #expect(WebFixture.text(response).contains("<li>Une pièce d&#39;identité</li>"))
            }
            try await client.execute(uri: "/orienter/fiche?lieu=ardeche-lieu-047", method: .get) { response in
                #expect(!WebFixture.text(response).contains("À apporter"))
            }
            try await client.execute(uri: "/orienter/fiche?lieu=personne", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/orienter/fiche", method: .get) { response in #expect(response.status == .badRequest) }
            try await client.execute(uri: "/style.css", method: .get) { response in
                let css = WebFixture.text(response)
                #expect(css.contains("@page { size: A4; margin: 15mm; }") && css.contains("@media print"))
            }
        }
    }
}
