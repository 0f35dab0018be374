import Hummingbird

/// Who is visiting, for the pages' header: set for each request by ``VisitorMiddleware``.
enum Visitor {
    struct State: Sendable {
        /// The server was started with editors' tokens.
        var editingEnabled = false
        /// The editor signed in on this browser.
        var editor: String?
        /// The token this browser's forms must carry.
        var csrf: String?
    }

    @TaskLocal static var current = State()
}

/// Reads the session cookie once per request and makes the visitor known to the pages.
struct VisitorMiddleware<Context: RequestContext>: RouterMiddleware {
    let sessions: EditorSessions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var state = Visitor.State(editingEnabled: sessions.editingEnabled)
        if let id = request.cookies[EditorSessions.cookie]?.value, let session = sessions.session(id) {
            state.editor = session.editor
            state.csrf = session.csrf
        }
        return try await Visitor.$current.withValue(state) { try await next(request, context) }
    }
}

/// The header's corner: a link to sign in, or who is signed in and a button to sign out.
enum EditorBar {
    static func render() -> HTML {
        let visitor = Visitor.current
        guard visitor.editingEnabled else { return HTML() }
        guard let editor = visitor.editor, let csrf = visitor.csrf else {
            return tag("a", ["class": "signin", "href": "/connexion"]) { "Connexion" }
        }
        return tag("form", ["class": "signout", "action": "/deconnexion", "method": "post"]) {
            tag("span") { "Connecté : " + editor }
            tag("a", ["href": "/journal"]) { "Journal" }
            tag("a", ["href": "/signalements"]) { "Signalements" }
            tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
            tag("button", ["type": "submit"]) { "Se déconnecter" }
        }
    }
}
