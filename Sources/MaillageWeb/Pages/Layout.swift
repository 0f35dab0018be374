/// The frame of every page: French, a skip link to the content, the site's header with its
/// navigation (and who is signed in), one `h1`, the content in `main`, and a footer.
///
/// A page is built in two parts: its ``Content`` (title and `main`), the same for every visitor
/// and so fit to cache, and the ``document(_:)`` around it, built for each request.
enum Layout {
    /// What a page says: its title and what its `main` element holds.
    struct Content: Sendable {
        var title: String
        var body: HTML
        var wide = false
    }

    /// A whole document. `title` goes in the tab and the `h1`; `lead` is a sentence under the title.
    static func page(title: String, lead: HTML? = nil, wide: Bool = false, @HTMLBuilder content: () -> [HTML]) -> HTML {
        document(main(title: title, lead: lead, wide: wide, content: content))
    }

    /// What the `main` element of a page holds: its `h1`, lead and content.
    static func main(title: String, lead: HTML? = nil, wide: Bool = false, @HTMLBuilder content: () -> [HTML]) -> Content {
        let body = content()
        return Content(title: title, body: fragment {
            tag("h1") { title }
            if let lead { tag("p", ["class": "lead"]) { lead } }
            body
        }, wide: wide)
    }

    /// The document around `content`, with the header of this request's visitor; `visitorPart`
    /// ends its `main` (an editor's forms, never cached).
    static func document(_ content: Content, visitorPart: HTML = HTML()) -> HTML {
        .trusted("<!doctype html>\n") + tag("html", ["lang": "fr"]) {
            tag("head") {
                tag("meta", ["charset": "utf-8"])
                tag("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                tag("title") { "\(content.title) — maillage" }
                tag("link", ["rel": "stylesheet", "href": "/style.css"])
            }
            tag("body") {
                tag("a", ["class": "skip", "href": "#contenu"]) { "Aller au contenu" }
                tag("header", ["class": "site"]) {
                    tag("div", ["class": "bar"]) {
                        tag("a", ["class": "brand", "href": "/"]) { "maillage" }
                        tag("span", ["class": "tagline"]) { "La médiation numérique, territoire par territoire" }
                        EditorBar.render()
                    }
                }
                tag("main", ["id": "contenu", "class": content.wide ? "wide" : nil]) {
                    content.body
                    visitorPart
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
        case 401, 403: "Accès réservé"
        case 409: "Action impossible"
        case 429: "Trop de demandes"
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
