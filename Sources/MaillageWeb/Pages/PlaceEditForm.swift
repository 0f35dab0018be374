import Maillage

/// The form on a place's page for a signed-in editor: the fields people most often find wrong
/// (name, address, hours, contacts), filled with what is shown, and "still true today".
struct PlaceEditForm {
    /// The fields of the form, by national-schema name, with their label and hint.
    static let fields: [(name: String, label: String, hint: String?)] = [
        ("nom", "Nom", nil),
        ("adresse", "Adresse", nil),
        ("commune", "Commune", nil),
        ("horaires", "Horaires", "Au format des horaires OpenStreetMap, par exemple Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00"),
        ("telephone", "Téléphone", "Au format international, par exemple +33475000000"),
        ("courriels", "Courriels", "Plusieurs adresses séparées par |"),
        ("site_web", "Site web", "Commençant par https://"),
    ]

    let profile: NodeProfile
    /// What the editor typed, shown again when a value was refused.
    var typed: QueryString?
    var failure: String?

    /// The value shown in a field: what was typed, else what the place shows.
    private func value(_ name: String) -> String {
        if let typed { return typed.all(name).last ?? "" }
        return Self.shown(name, of: profile) ?? ""
    }

    /// What the place shows for a field of the form.
    static func shown(_ name: String, of profile: NodeProfile) -> String? {
        switch name {
        case "nom": profile.nom
        case "adresse": profile.adresse
        case "commune": profile.commune
        case "horaires": profile.horaires
        case "telephone": profile.telephone
        case "courriels": profile.courriels.isEmpty ? nil : profile.courriels.joined(separator: "|")
        case "site_web": profile.siteWeb.isEmpty ? nil : profile.siteWeb.joined(separator: "|")
        default: nil
        }
    }

    func render() -> HTML {
        guard Visitor.current.editor != nil, let csrf = Visitor.current.csrf, profile.kind == .place else { return HTML() }
        let base = "/lieux/" + encode(profile.id)
        return fragment {
            tag("h2", ["id": "corriger"]) { "Corriger ces informations" }
            if let failure { tag("p", ["class": "error", "role": "alert"]) { failure } }
            tag("form", ["class": "search", "action": base + "/modifier", "method": "post"]) {
                tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
                for field in Self.fields {
                    tag("div", ["class": "field"]) {
                        tag("label", ["for": "edit-" + field.name]) { field.label }
                        if let hint = field.hint { tag("span", ["class": "hint", "id": "edit-\(field.name)-aide"]) { hint } }
                        tag("input", ["type": "text", "id": "edit-" + field.name, "name": field.name, "value": value(field.name),
                                      "aria-describedby": field.hint == nil ? nil : "edit-\(field.name)-aide"])
                    }
                }
                tag("p") { tag("button", ["type": "submit"]) { "Enregistrer" } }
            }
            tag("form", ["action": base + "/verifie", "method": "post"]) {
                tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
                tag("p") {
                    tag("button", ["type": "submit"]) { "Toujours vrai aujourd'hui" }
                    " "
                    tag("span", ["class": "muted"]) { "met la date de mise à jour à aujourd'hui" }
                }
            }
            tag("p") { tag("a", ["href": link("/journal", [("place", profile.id)])]) { "Journal des modifications de ce lieu" } }
        }
    }
}
