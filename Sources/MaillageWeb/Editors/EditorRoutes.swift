import Foundation
import Hummingbird

/// Signing in and out (`/connexion`, `/deconnexion`) and `/api/whoami`. Forms carry a CSRF token:
/// before sign-in, the same random value in a cookie and a hidden field; once signed in, the
/// session's own.
struct EditorRoutes: Sendable {
    let sessions: EditorSessions

    static let csrfCookie = "maillage_csrf"

    func add(to router: Router<WebContext>) {
        router.get("connexion") { request, _ in signInPage(request) }
        router.post("connexion") { request, context in try await signIn(request, context: context) }
        router.post("deconnexion") { request, context in try await signOut(request, context: context) }
        router.get("api/whoami") { request, _ in
            try Responses.json(["editor": try editor(of: request)])
        }
    }

    /// The editor a request comes from: a Bearer token, else a signed-in browser; 401 when neither,
    /// 403 when the server takes no edits.
    func editor(of request: Request) throws -> String {
        guard sessions.editingEnabled else { throw WebError.readOnly }
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            guard let editor = sessions.tokens?.editor(presenting: String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)) else {
                throw WebError.unauthorized
            }
            return editor
        }
        if let id = request.cookies[EditorSessions.cookie]?.value, let session = sessions.session(id) { return session.editor }
        throw WebError.unauthorized
    }

    /// The editor signed in on the browser that sent this form, whose CSRF token the form must carry:
    /// 401 without a session, 403 with a token that is not the session's (nothing is done).
    func formEditor(_ request: Request, form: QueryString) throws -> String {
        guard sessions.editingEnabled else { throw WebError.readOnly }
        guard let id = request.cookies[EditorSessions.cookie]?.value, let session = sessions.session(id) else { throw WebError.unauthorized }
        guard let csrf = form.text("csrf"), EditorTokens.constantTimeEqual(Array(csrf.utf8), Array(session.csrf.utf8)) else {
            throw WebError(status: .forbidden, code: "bad_csrf", message: "Le formulaire a expiré ou ne vient pas de ce site : rechargez la page et recommencez.")
        }
        return session.editor
    }

    private func signInPage(_ request: Request, failure: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        guard sessions.editingEnabled else {
            return Responses.html(Layout.page(title: "Connexion") {
                tag("p") { "Ce serveur est en lecture seule : personne ne peut y modifier l'annuaire." }
                tag("p", ["class": "muted"]) { "Pour permettre les modifications, démarrez-le avec maillage serve --admin-token-file FICHIER." }
            })
        }
        if let editor = Visitor.current.editor {
            return Responses.html(Layout.page(title: "Connexion") { tag("p") { "Vous êtes connecté en tant que \(editor)." } })
        }
        let csrf = EditorSessions.randomToken()
        var response = Responses.html(Layout.page(title: "Connexion", lead: "Pour corriger l'annuaire, présentez le jeton que l'on vous a remis.") {
            PageParts.alert(failure)
            tag("form", ["class": "search", "action": "/connexion", "method": "post"]) {
                tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
                tag("div", ["class": "field"]) {
                    tag("label", ["for": "token"]) { "Jeton d'édition" }
                    tag("input", ["type": "password", "id": "token", "name": "token", "required": "", "autocomplete": "current-password"])
                }
                tag("p") { tag("button", ["type": "submit"]) { "Se connecter" } }
            }
        }, status: status)
        response.setCookie(Cookie(name: Self.csrfCookie, value: csrf, path: "/connexion", secure: Self.isSecure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    private func signIn(_ request: Request, context: WebContext) async throws -> Response {
        guard sessions.editingEnabled else { throw WebError.readOnly }
        let form = try await Self.form(request, context: context)
        guard let csrf = form.text("csrf"), let cookie = request.cookies[Self.csrfCookie]?.value,
              EditorTokens.constantTimeEqual(Array(csrf.utf8), Array(cookie.utf8)) else {
            return signInPage(request, failure: "Le formulaire a expiré : saisissez le jeton à nouveau.", status: .forbidden)
        }
        guard let (id, _) = sessions.signIn(token: form.text("token") ?? "") else {
            return signInPage(request, failure: "Ce jeton n'est pas reconnu.", status: .unauthorized)
        }
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(Cookie(name: EditorSessions.cookie, value: id, maxAge: Int(EditorSessions.lifetime), path: "/",
                                  secure: Self.isSecure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    private func signOut(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await Self.form(request, context: context)
        if let id = request.cookies[EditorSessions.cookie]?.value, let session = sessions.session(id) {
            guard let csrf = form.text("csrf"), EditorTokens.constantTimeEqual(Array(csrf.utf8), Array(session.csrf.utf8)) else {
                throw WebError(status: .forbidden, code: "bad_csrf", message: "The form's token does not match this session: reload the page and try again.")
            }
            sessions.signOut(id)
        }
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(Cookie(name: EditorSessions.cookie, value: "", maxAge: 0, path: "/", secure: Self.isSecure(request), httpOnly: true, sameSite: .strict))
        return response
    }

    /// The fields of a form sent as `application/x-www-form-urlencoded`.
    static func form(_ request: Request, context: WebContext) async throws -> QueryString {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return try QueryString(String(buffer: body))
    }

    /// Behind a proxy that terminates TLS, cookies are marked Secure.
    static func isSecure(_ request: Request) -> Bool {
        request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https" || request.uri.scheme == .https
    }
}
