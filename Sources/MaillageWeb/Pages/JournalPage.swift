import Maillage

/// `/journal`: the edits, newest first, each field before and after; a signed-in editor can undo one.
struct JournalPage {
    let entries: [JournalEntry]
    /// Edited fields whose source brought another value since.
    var conflicts: [EditConflict] = []
    var place: String?
    var editor: String?
    var failure: String?

    static let actions = ["edit": "modification", "verified": "toujours vrai", "undo": "annulation"]

    func render() -> HTML {
        let scope = [place.map { "du lieu \($0)" }, editor.map { "de \($0)" }].compactMap { $0 }.joined(separator: ", ")
        return Layout.page(title: "Journal des modifications", lead: HTML(scope.isEmpty ? "Toutes les modifications, la plus récente d'abord."
                                                                           : "Les modifications \(scope), la plus récente d'abord.")) {
            PageParts.alert(failure)
            if !conflicts.isEmpty {
                tag("h2") { "Conflits avec les sources" }
                tag("p", ["class": "muted"]) { "Ces champs ont été modifiés ici, puis leur source a apporté une autre valeur : la modification est gardée ; annulez-la pour reprendre celle de la source." }
                PageParts.table(caption: "\(conflicts.count) champ\(conflicts.count > 1 ? "s" : "") en conflit", headers: ["Lieu", "Champ", "Valeur modifiée", "La source dit", "Modification"],
                                rows: conflicts.map { conflict in
                                    [tag("a", ["href": "/lieux/" + encode(conflict.place)]) { conflict.nom ?? conflict.place }, HTML(conflict.field),
                                     HTML(conflict.edited ?? "(vide)"), HTML(conflict.sourceNow ?? "(vide)"),
                                     tag("a", ["href": "#modification-\(conflict.edit)"]) { "n° \(conflict.edit)" }]
                                })
            }
            if entries.isEmpty { tag("p") { "Aucune modification." } }
            tag("ol", ["class": "results"]) {
                for entry in entries { row(entry) }
            }
        }
    }

    private func row(_ entry: JournalEntry) -> HTML {
        tag("li", ["id": "modification-\(entry.id)"]) {
            tag("div", ["class": "result-head"]) {
                tag("h2") {
                    "n° \(entry.id) · "
                    tag("a", ["href": "/lieux/" + encode(entry.place)]) { entry.nom ?? entry.place }
                }
                tag("span", ["class": "badge tag"]) { Self.actions[entry.action] ?? entry.action }
                if let undo = entry.undoneBy { tag("span", ["class": "badge closed"]) { "annulée par n° \(undo)" } }
            }
            tag("p", ["class": "muted"]) { "Le \(French.moment(entry.at)) par \(entry.editor)" }
            tag("ul") {
                for change in entry.changes {
                    tag("li") {
                        tag("strong") { change.field }
                        " : " + (change.before ?? "(vide)") + " → " + (change.after ?? "(vide)")
                    }
                }
            }
            if let csrf = Visitor.current.csrf, entry.undoneBy == nil, entry.action != "undo" {
                tag("form", ["action": "/journal/\(entry.id)/annuler", "method": "post"]) {
                    tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
                    tag("button", ["type": "submit"]) { "Annuler cette modification" }
                }
            }
        }
    }
}
