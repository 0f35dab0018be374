/// The frame of every page: French, a skip link to the content, the site's header with its
/// navigation, one `h1`, the content in `main`, and a footer.
enum Layout {
    /// A whole document. `title` goes in the tab and the `h1`; `lead` is a sentence under the title.
    static func page(title: String, lead: HTML? = nil, wide: Bool = false, @HTMLBuilder content: () -> [HTML]) -> HTML {
        let body = content()
        return .trusted("<!doctype html>\n") + tag("html", ["lang": "fr"]) {
            tag("head") {
                tag("meta", ["charset": "utf-8"])
                tag("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                tag("title") { "\(title) — maillage" }
                tag("link", ["rel": "stylesheet", "href": "/style.css"])
            }
            tag("body") {
                tag("a", ["class": "skip", "href": "#contenu"]) { "Aller au contenu" }
                tag("header", ["class": "site"]) {
                    tag("div", ["class": "bar"]) {
                        tag("a", ["class": "brand", "href": "/"]) { "maillage" }
                        tag("span", ["class": "tagline"]) { "La médiation numérique, territoire par territoire" }
                    }
                }
                tag("main", ["id": "contenu", "class": wide ? "wide" : nil]) {
                    tag("h1") { title }
                    if let lead { tag("p", ["class": "lead"]) { lead } }
                    body
                }
                tag("footer", ["class": "site"]) {
                    tag("p") {
                        "Données : cartographie nationale des lieux d'inclusion numérique, conseillers numériques, Aidants Connect, INSEE. "
                        tag("a", ["href": "/api/openapi.json"]) { "API JSON" }
                    }
                }
            }
        }
    }
}

/// The page shown for an error: what went wrong, in the user's words, and a way back.
enum ErrorPage {
    static func render(_ error: WebError, message: String) -> HTML {
        let title = switch error.status.code {
        case 404: "Page introuvable"
        case 400, 422: "Demande incomplète ou inconnue"
        case 413: "Demande trop volumineuse"
        default: "Erreur du serveur"
        }
        return Layout.page(title: title) {
            tag("p", ["class": "error"]) { message }
            tag("p") { tag("a", ["href": "/"]) { "Retour à la recherche" } }
        }
    }
}
