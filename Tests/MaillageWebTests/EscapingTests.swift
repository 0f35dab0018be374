import Foundation
import HummingbirdTesting
import Maillage
@testable import MaillageWeb
import Testing

/// Names from the data and values from the request are escaped wherever they go: text,
/// attributes, URLs and inline SVG.
@Suite struct EscapingTests {
    static let hostile = "<script>alert(1)</script>\" onmouseover=\"x"

    /// The demo with a place whose name, address and web site are hostile.
    static let store: Store = try! WebFixture.demoStore(extraLieux: """
        id,nom,commune,code_insee,adresse,latitude,longitude,date_maj,services,site_web,horaires
        hostile,"<script>alert(1)</script>"" onmouseover=""x",Privas,07186,"<img src=x onerror=alert(2)>",44.7351,4.5991,2025-06-01,CAF,javascript:alert(3),Mo-Fr 09:00-12:00
        """)

    static func expectSafe(_ page: String, _ uri: String) {
        #expect(!page.contains("<script"), "\(uri)")
        #expect(!page.contains("onmouseover=\"x"), "\(uri)")
        #expect(!page.contains("<img"), "\(uri)")
        #expect(!page.contains("href=\"javascript:"), "\(uri)")
    }

    @Test(arguments: ["/lieux/hostile", "/recherche?service=caf&commune=07186&radius_km=5", "/communes/07186", "/territoires/07186?service=caf",
                      "/reseau/07186", "/lieux/hostile/schema.svg", "/territoires/07186/couverture.svg?service=caf"])
    func aHostileNameIsShownAsText(uri: String) async throws {
        try await WebFixture.withClient(Self.store) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(uri)")
                let page = WebFixture.text(response)
                Self.expectSafe(page, uri)
                if uri.hasPrefix("/lieux/hostile"), !uri.hasSuffix(".svg") {
                    #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x"))
                    #expect(page.contains("javascript:alert(3)"), "shown as text, not as a link")
                }
            }
        }
    }

    @Test(arguments: [
        "/recherche?service=caf&commune=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/recherche?service=%3Cscript%3Ealert(1)%3C%2Fscript%3E&commune=07186",
        "/recherche?service=caf&commune=07186&radius_km=%22%3E%3Cscript%3E",
        "/recherche?service=caf&commune=07186&open_at=%22%20onmouseover%3D%22x",
        "/recherche?service=caf&commune=07186&public=%3Cscript%3E",
        "/territoires/%22%3E%3Cscript%3Ex",
        "/lieux/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "/?commune=%22%20onmouseover%3D%22x",
    ])
    func hostileQueryStringsReflectedOnThePageAreEscaped(uri: String) async throws {
        try await WebFixture.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                Self.expectSafe(WebFixture.text(response), uri)
            }
        }
    }

    @Test func theBuilderEscapesTextAndAttributesAndEncodesLinks() {
        let html = tag("a", ["href": link("/recherche", [("commune", "a&b=\"c\"")]), "title": "x\" y='z'"]) { "<b>&</b>" }
        #expect(html.markup == "<a href=\"/recherche?commune=a%26b%3D%22c%22\" title=\"x&quot; y=&#39;z&#39;\">&lt;b&gt;&amp;&lt;/b&gt;</a>")
        #expect(encode("é /?#") == "%C3%A9%20%2F%3F%23")
    }
}
