import Hummingbird
import Maillage

/// The editors' forms that add to the directory (``CreationForms``): a place (`POST
/// /lieux/ajouter`), an intermediary (`POST /intervenants/ajouter`), a referral (`POST
/// /orientations/ajouter`) and a referral's removal (`POST /orientations/retirer`). Done, they
/// lead to the new record's page; refused, back to the page the form came from, filled as typed.
struct CreationPageRoutes: Sendable {
    let live: LiveSnapshot
    let store: Store
    let editors: EditorRoutes
    let pages: PageRoutes

    func add(to router: Router<WebContext>) {
        router.post("lieux/ajouter") { request, context in
            let form = try await EditorRoutes.form(request, context: context)
            return try await create(form, editor: try editors.formEditor(request, form: form), fields: CreationForms.placeFields,
                                    name: CreationForms.placeForm) { fields, editor in try store.createPlace(fields: fields, editor: editor) }
        }
        router.post("intervenants/ajouter") { request, context in
            let form = try await EditorRoutes.form(request, context: context)
            return try await create(form, editor: try editors.formEditor(request, form: form), fields: EditForm.intermediaryFields,
                                    name: CreationForms.intermediaryForm) { fields, editor in try store.createIntermediary(fields: fields, editor: editor) }
        }
        router.post("orientations/ajouter") { request, context in
            let form = try await EditorRoutes.form(request, context: context)
            let editor = try editors.formEditor(request, form: form)
            let (from, to) = (form.text("from") ?? "", form.text("to") ?? "")
            return try await applied(form, name: CreationForms.referralForm) {
                try store.addReferral(from: from, to: to, service: form.text("service"), editor: editor)
            }
        }
        router.post("orientations/retirer") { request, context in
            let form = try await EditorRoutes.form(request, context: context)
            let editor = try editors.formEditor(request, form: form)
            return try await applied(form, name: CreationForms.referralForm, nothing: "Rien n'a été retiré.") {
                try store.removeReferral(from: form.text("from") ?? "", to: form.text("to") ?? "", editor: editor)
            }
        }
    }

    /// Adds a record from the form's non-empty `fields`.
    private func create(_ form: QueryString, editor: String, fields: [EditForm.Field], name: String,
                        _ creation: @escaping ([String: EditValue], String) throws -> JournalEntry) async throws -> Response {
        var values: [String: EditValue] = [:]
        for field in fields {
            let typed = (form.all(field.name).last ?? "").trimmingCharacters(in: .whitespaces)
            if !typed.isEmpty { values[field.name] = .text(typed) }
        }
        return try await applied(form, name: name) { try creation(values, editor) }
    }

    /// Runs the edit; then the page of the record it changed, or, refused (an edit error, an unknown
    /// id), the page the form came from with the form filled as typed and the reason.
    private func applied(_ form: QueryString, name: String, nothing: String = "Rien n'a été ajouté.",
                         _ edit: () throws -> JournalEntry) async throws -> Response {
        let entry: JournalEntry
        do {
            entry = try edit()
        } catch let error as EditError {
            return try await refused(form, name: name, reason: nothing + " " + FrenchMessages.describe(error))
        } catch let error as QueryError {
            return try await refused(form, name: name, reason: nothing + " " + FrenchMessages.describe(error))
        }
        try await live.refresh()
        return EditPageRoutes.redirect(to: "/lieux/" + encode(entry.place))
    }

    private func refused(_ form: QueryString, name: String, reason: String) async throws -> Response {
        let echo = FormEcho(form: name, typed: form, failure: reason)
        if let place = form.text("depuis") { return try await pages.place(place, echo: echo, status: .unprocessableContent) }
        return try await pages.territory(form.text("territoire") ?? "france", asked: QueryString(nil), echo: echo, status: .unprocessableContent)
    }
}
