import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MaillageWeb
import Testing

/// Editors: the token file, Bearer tokens on the API, signing in on /connexion with a session
/// cookie and CSRF tokens, and a read-only server without tokens.
@Suite struct EditorTests {
    static let tokens = try! EditorTokens(text: """
        # editors of the Ardèche network
        alice:alice-0123456789abcdef

        bob-only-token-fedcba9876543210
        """, path: "tokens.txt")

    @Test func theTokenFileNamesEditorsAndRefusesWeakOrRepeatedTokens() throws {
        #expect(Self.tokens.editor(presenting: "alice-0123456789abcdef") == "alice")
        #expect(Self.tokens.editor(presenting: "bob-only-token-fedcba9876543210") == "éditeur ligne 4")
        #expect(Self.tokens.editor(presenting: "alice-0123456789abcde") == nil)
        #expect(Self.tokens.editor(presenting: "") == nil)
        #expect(throws: EditorTokensError.shortToken(path: "t", line: 2, length: 5)) { try EditorTokens(text: "\nbob:short", path: "t") }
        #expect(throws: EditorTokensError.repeatedToken(path: "t", line: 2)) {
            try EditorTokens(text: "a:0123456789abcdef\nb:0123456789abcdef", path: "t")
        }
        #expect(throws: EditorTokensError.noToken(path: "t")) { try EditorTokens(text: "# nobody\n\n", path: "t") }
        #expect(throws: EditorTokensError.emptyName(path: "t", line: 1)) { try EditorTokens(text: ":0123456789abcdef", path: "t") }
        #expect(throws: EditorTokensError.unreadable(path: "/nonexistent/tokens")) { try EditorTokens(contentsOf: "/nonexistent/tokens") }
        #expect(EditorTokens.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!EditorTokens.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!EditorTokens.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
    }

    @Test func withoutTokensTheServerIsReadOnly() async throws {
        try await WebFixture.withClient { client in
            try await client.execute(uri: "/api/whoami", method: .get) { response in
                #expect(response.status == .forbidden)
                let body = try WebFixture.json(response) as? [String: [String: String]]
                #expect(body?["error"]?["code"] == "read_only")
            }
            try await client.execute(uri: "/connexion", method: .get) { response in
                #expect(WebFixture.text(response).contains("lecture seule"))
                #expect(!WebFixture.text(response).contains("name=\"token\""))
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(!WebFixture.text(response).contains("Connexion"), "no sign-in link on a read-only server")
            }
        }
    }

    @Test func theAPITakesABearerTokenAndRefusesOthersWith401() async throws {
        try await WebFixture.withClient(tokens: Self.tokens) { client in
            try await client.execute(uri: "/api/whoami", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"maillage\"")
            }
            try await client.execute(uri: "/api/whoami", method: .get, headers: [.authorization: "Bearer wrong-token-0123456789"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/whoami", method: .get, headers: [.authorization: "Bearer alice-0123456789abcdef"]) { response in
                #expect(response.status == .ok)
                #expect(WebFixture.text(response) == "{\"editor\":\"alice\"}")
            }
        }
    }

    /// The value of the cookie `name` a response sets, with its attributes.
    static func setCookie(_ name: String, in response: TestResponse) -> String? {
        response.headers[values: .setCookie].first { $0.hasPrefix(name + "=") }
    }

    /// The hidden CSRF field of a page.
    static func csrfField(_ page: String) -> String? {
        guard let start = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test func signingInGivesAStrictHttpOnlySessionAndSigningOutNeedsItsCSRFToken() async throws {
        try await WebFixture.withClient(tokens: Self.tokens) { client in
            let (csrf, csrfCookie) = try await client.execute(uri: "/connexion", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("<label for=\"token\">") && page.contains("type=\"password\""))
                let cookie = try #require(Self.setCookie(EditorRoutes.csrfCookie, in: response))
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                return (try #require(Self.csrfField(page)), String(cookie.split(separator: ";")[0]))
            }
            // A form without the matching token changes nothing.
            try await client.execute(uri: "/connexion", method: .post, headers: [.cookie: csrfCookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=forged&token=alice-0123456789abcdef")) { response in
                #expect(response.status == .forbidden)
                #expect(Self.setCookie(EditorSessions.cookie, in: response) == nil)
            }
            // A wrong token neither.
            try await client.execute(uri: "/connexion", method: .post, headers: [.cookie: csrfCookie, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=\(csrf)&token=nope-nope-nope-nope")) { response in
                #expect(response.status == .unauthorized)
                #expect(WebFixture.text(response).contains("Ce jeton n&#39;est pas reconnu."))
                #expect(Self.setCookie(EditorSessions.cookie, in: response) == nil)
            }
            let session = try await client.execute(uri: "/connexion", method: .post,
                                                   headers: [.cookie: csrfCookie, .contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: "csrf=\(csrf)&token=alice-0123456789abcdef")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                let cookie = try #require(Self.setCookie(EditorSessions.cookie, in: response))
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
                return String(cookie.split(separator: ";")[0])
            }
            let sessionCSRF = try await client.execute(uri: "/", method: .get, headers: [.cookie: session]) { response in
                let page = WebFixture.text(response)
                #expect(page.contains("Connecté : alice"))
                return try #require(Self.csrfField(page))
            }
            try await client.execute(uri: "/api/whoami", method: .get, headers: [.cookie: session]) { response in
                #expect(WebFixture.text(response) == "{\"editor\":\"alice\"}")
            }
            // A page kept in the cache for every visitor does not carry one visitor's header.
            _ = try await client.execute(uri: "/territoires/07", method: .get, headers: [.cookie: session]) { response in
                #expect(WebFixture.text(response).contains("Connecté : alice"))
            }
            try await client.execute(uri: "/territoires/07", method: .get) { response in
                let page = WebFixture.text(response)
                #expect(!page.contains("alice") && !page.contains(sessionCSRF))
            }
            try await client.execute(uri: "/deconnexion", method: .post, headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=forged")) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/deconnexion", method: .post, headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "csrf=\(sessionCSRF)")) { response in
                #expect(response.status == .seeOther)
            }
            try await client.execute(uri: "/api/whoami", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .unauthorized, "the session is gone")
            }
        }
    }

    @Test func behindATLSProxyTheSessionCookieIsSecure() async throws {
        try await WebFixture.withClient(tokens: Self.tokens) { client in
            let (csrf, cookie) = try await client.execute(uri: "/connexion", method: .get) { response in
                (try #require(Self.csrfField(WebFixture.text(response))),
                 String(try #require(Self.setCookie(EditorRoutes.csrfCookie, in: response)).split(separator: ";")[0]))
            }
            try await client.execute(uri: "/connexion", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded", .init("X-Forwarded-Proto")!: "https"],
                                     body: ByteBuffer(string: "csrf=\(csrf)&token=alice-0123456789abcdef")) { response in
                #expect(Self.setCookie(EditorSessions.cookie, in: response)?.contains("Secure") == true)
            }
        }
    }
}
