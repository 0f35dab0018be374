import Hummingbird
import Maillage

/// The editors' forms: correcting a place or an intermediary (`POST /lieux/{id}/modifier`), "still true today"
/// (`POST /lieux/{id}/verifie`), the journal (`/journal`) and undoing from it
/// (`POST /journal/{id}/annuler`). Each form carries the session's CSRF token.
struct EditPageRoutes: Sendable {
    let live: LiveSnapshot
    let store: Store
    let editors: EditorRoutes
    let pages: PageRoutes

    func add(to router: Router<WebContext>) {
        router.post("lieux/{id}/modifier") { request, context in
            let form = try await EditorRoutes.form(request, context: context)
            let editor = try editors.formEditor(request, form: form)
            let shown = try store.editableValues(of: try context.pathParameter("id"))
            var fields: [String: EditValue] = [:]
            // Only the fields the form sent: one left out is not one cleared.
            for field in EditForm.fields(intermediary: shown.isIntermediary) where form.names.contains(field.name) {
                let typed = (form.all(field.name).last ?? "").trimmingCharacters(in: .whitespaces)
                if typed != (shown.values[field.name] ?? "") { fields[field.name] = typed.isEmpty ? .null : .text(typed) }
            }
            guard !fields.isEmpty else { return Self.redirect(to: "/lieux/" + encode(shown.id)) }
            do {
                if shown.isIntermediary {
                    try store.editIntermediary(shown.id, fields: fields, editor: editor)
                } else {
                    try store.editPlace(shown.id, fields: fields, editor: editor)
                }
            } catch let error as EditError {
                return try await pages.place(shown.id, echo: FormEcho(form: EditForm.name, typed: form, failure: "Rien n'a été modifié. " + FrenchMessages.describe(error)),
                                             status: .unprocessableContent)
            }
            try await live.refresh()
            return Self.redirect(to: "/lieux/" + encode(shown.id))
        }
        router.post("lieux/{id}/verifie") { request, context in
            let form = try await EditorRoutes.form(request, context: context)
            let editor = try editors.formEditor(request, form: form)
            let entry = try store.verifyPlace(try context.pathParameter("id"), editor: editor)
            try await live.refresh()
            return Self.redirect(to: "/lieux/" + encode(entry.place))
        }
        router.get("journal") { request, _ in try journal(QueryString(request.uri.query)) }
        router.post("journal/{id}/annuler") { request, context in
            let form = try await EditorRoutes.form(request, context: context)
            let editor = try editors.formEditor(request, form: form)
            let text = try context.pathParameter("id")
            guard let id = Int64(text) else { throw WebError.badParameter("id", value: text, expected: "the number of an edit") }
            do {
                try store.undoEdit(id, editor: editor)
            } catch let error as EditError {
                return try journal(QueryString(nil), failure: FrenchMessages.describe(error), status: .conflict)
            }
            try await live.refresh()
            return Self.redirect(to: "/journal")
        }
    }

    private func journal(_ query: QueryString, failure: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        let entries = try store.journal(place: query.text("place"), editor: query.text("editor"),
                                        limit: try query.integer("limit", in: 1...RequestQueries.maximumResults) ?? 100)
        let conflicts = try store.editConflicts()
        return Responses.html(JournalPage(entries: entries, conflicts: conflicts, place: query.text("place"), editor: query.text("editor"),
                                          failure: failure).render(), status: status)
    }

    /// After a form: back to a page with GET (303).
    static func redirect(to path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }
}
