import Hummingbird
import Maillage

/// The pages, in French, rendered on the server from the live snapshot.
struct PageRoutes: Sendable {
    let live: LiveSnapshot
    let store: Store

    func add(to router: Router<WebContext>) {
        router.get("style.css") { _, _ in
            var response = Responses.file(Stylesheet.css, type: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        router.get("/") { _, _ in Responses.html(HomePage(snapshot: live.current).render()) }
    }
}
