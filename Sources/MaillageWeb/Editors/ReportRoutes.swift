import Hummingbird
import Maillage

/// "Signaler une erreur": anyone may send a report from a place's page (`POST /lieux/{id}/signaler`,
/// five per client address every ten minutes); editors list the open ones at `/signalements` and
/// close them as corrected or dismiss them. An edit of the fields a report is about closes it.
struct ReportRoutes: Sendable {
    let store: Store
    let editors: EditorRoutes
    let limiter = RateLimiter(limit: 5, window: 600)

    static let cookie = "maillage_signalement"

    func add(to router: Router<WebContext>) {
        router.post("lieux/{id}/signaler") { request, context in
            let form = try await EditorRoutes.form(request, context: context)
            guard let csrf = form.text("csrf"), let cookie = request.cookies[Self.cookie]?.value,
                  EditorTokens.constantTimeEqual(Array(csrf.utf8), Array(cookie.utf8)) else {
                throw WebError(status: .forbidden, code: "bad_csrf", message: "Le formulaire a expiré ou ne vient pas de ce site : rechargez la page et recommencez.")
            }
            let text = form.all("texte").last ?? ""
            guard let categoryText = form.text("categorie"), let category = ErrorReport.Category(rawValue: categoryText) else {
                throw WebError.badParameter("categorie", value: form.text("categorie") ?? "", expected: "one of the form's choices")
            }
            guard text.count <= ErrorReport.maximumLength else {
                throw WebError.badParameter("texte", value: String(text.prefix(40)) + "…", expected: "at most 1,000 characters")
            }
            guard limiter.allow(context.clientAddress ?? "unknown") else {
                throw WebError(status: .tooManyRequests, code: "too_many_reports",
                               message: "Trop de signalements envoyés depuis cette adresse : réessayez dans quelques minutes.")
            }
            let id = try context.pathParameter("id")
            try store.report(place: id, category: category, text: text)
            return EditPageRoutes.redirect(to: link("/lieux/" + encode(id), [("signale", "1")]) + "#signaler")
        }
        router.get("signalements") { request, _ in
            _ = try editors.editor(of: request)
            return Responses.html(ReportsPage(reports: try store.errorReports()).render())
        }
        for (action, dismissed) in [("fermer", false), ("ecarter", true)] {
            router.post("signalements/{id}/\(action)") { request, context in
                let form = try await EditorRoutes.form(request, context: context)
                let editor = try editors.formEditor(request, form: form)
                let text = try context.pathParameter("id")
                guard let id = Int64(text) else { throw WebError.badParameter("id", value: text, expected: "the number of a report") }
                try store.closeReport(id, editor: editor, dismissed: dismissed)
                return EditPageRoutes.redirect(to: "/signalements")
            }
        }
    }
}

/// `/signalements`: the open reports, newest first, for editors.
struct ReportsPage {
    let reports: [ErrorReport]

    func render() -> HTML {
        let labels = Dictionary(uniqueKeysWithValues: ReportForm.categories.map { ($0.0, $0.1) })
        return Layout.page(title: "Signalements", lead: HTML(reports.isEmpty ? "Aucun signalement en attente."
                                                            : "\(reports.count) signalement\(reports.count > 1 ? "s" : "") en attente, le plus récent d'abord.")) {
            tag("ol", ["class": "results"]) {
                for report in reports {
                    tag("li") {
                        tag("div", ["class": "result-head"]) {
                            tag("h2") { tag("a", ["href": "/lieux/" + encode(report.place) + "#corriger"]) { report.nom ?? report.place } }
                            tag("span", ["class": "badge tag"]) { labels[report.category] ?? report.category.rawValue }
                        }
                        tag("p", ["class": "muted"]) { "n° \(report.id), le \(French.moment(report.at))" }
                        if !report.text.isEmpty { tag("p") { report.text } }
                        if let csrf = Visitor.current.csrf {
                            for (action, label) in [("fermer", "Corrigé"), ("ecarter", "Écarter")] {
                                tag("form", ["action": "/signalements/\(report.id)/\(action)", "method": "post", "class": "inline"]) {
                                    tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
                                    tag("button", ["type": "submit"]) { label }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
