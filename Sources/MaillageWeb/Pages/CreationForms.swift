import Maillage

/// The forms that add to the directory, for a signed-in editor: a place, an intermediary and a
/// referral on a territory's page, a referral (and its removal) on a place's page. Each posts to
/// ``CreationPageRoutes``; a refused one comes back filled with what was typed (``FormEcho``).
struct CreationForms {
    /// The fields of a new place, by national-schema name.
    static let placeFields: [EditForm.Field] = [
        ("nom", "Nom", nil),
        ("adresse", "Adresse", nil),
        ("code_postal", "Code postal", nil),
        ("commune", "Commune", nil),
        ("code_insee", "Code INSEE de la commune", "Cinq caractères, par exemple 07186 pour Privas"),
        ("services", "Services relayés", "Services de la taxonomie (nom ou identifiant), séparés par |"),
        ("horaires", "Horaires", "Au format des horaires OpenStreetMap, par exemple Mo-Fr 09:00-12:00"),
        ("telephone", "Téléphone", "Au format international, par exemple +33475000000"),
    ]

    /// The forms' names (their hidden `formulaire` field).
    static let placeForm = "ajouter-lieu", intermediaryForm = "ajouter-intervenant", referralForm = "ajouter-orientation"

    let snapshot: Snapshot
    var echo: FormEcho?

    /// The forms of a territory's page; a new place starts in the commune, a new intermediary's
    /// zone is the territory.
    func territory(_ territory: ResolvedTerritory) -> HTML {
        guard let csrf = Visitor.current.csrf else { return HTML() }
        let back = ("territoire", territory.code)
        return fragment {
            tag("h2", ["id": "completer"]) { "Compléter l'annuaire de ce territoire" }
            tag("h3") { "Ajouter un lieu" }
            form(Self.placeForm, action: "/lieux/ajouter", csrf: csrf, back: back, fields: Self.placeFields,
                 defaults: territory.level == .commune ? ["code_insee": territory.code] : [:], button: "Ajouter le lieu")
            tag("h3") { "Ajouter un intervenant ou une équipe" }
            form(Self.intermediaryForm, action: "/intervenants/ajouter", csrf: csrf, back: back, fields: EditForm.intermediaryFields,
                 defaults: territory.level == .france ? [:] : ["zone": territory.code], button: "Ajouter l'intervenant")
            referralForm(from: nil, csrf: csrf, back: back)
        }
    }

    /// A place's or an intermediary's form for a new referral from it.
    func referral(from node: NodeProfile) -> HTML {
        guard let csrf = Visitor.current.csrf else { return HTML() }
        return referralForm(from: node.id, csrf: csrf, back: ("depuis", node.id),
                            title: node.kind == .place ? "Ajouter une orientation depuis ce lieu" : "Ajouter une orientation depuis cet intervenant")
    }

    private func referralForm(from place: String?, csrf: String, back: (name: String, value: String),
                              title: String = "Ajouter une orientation") -> HTML {
        let typed = { (name: String) in echo?.typed(name, in: Self.referralForm) }
        return fragment {
            tag("h3") { title }
            PageParts.alert(echo?.failure(of: Self.referralForm))
            tag("form", ["class": "search", "action": "/orientations/ajouter", "method": "post"]) {
                hidden(csrf: csrf, form: Self.referralForm, back: back)
                if let place { tag("input", ["type": "hidden", "name": "from", "value": place]) }
                else { EditForm.input(("from", "Depuis", "Identifiant du lieu ou de l'intervenant qui oriente"), value: typed("from") ?? "", prefix: Self.referralForm) }
                EditForm.input(("to", "Vers", "Identifiant du lieu ou de l'intervenant vers qui il oriente"), value: typed("to") ?? "", prefix: Self.referralForm)
                tag("div", ["class": "field"]) {
                    tag("label", ["for": "\(Self.referralForm)-service"]) { "Pour le service" }
                    tag("select", ["id": "\(Self.referralForm)-service", "name": "service"]) {
                        tag("option", ["value": ""]) { "Tous les services" }
                        for (index, slug) in snapshot.catalog.slugs.enumerated() {
                            tag("option", ["value": slug, "selected": typed("service") == slug ? "" : nil]) {
                                String(repeating: "\u{2003}", count: snapshot.catalog.depth(of: index)) + snapshot.catalog.labels[index]
                            }
                        }
                    }
                }
                tag("p") { tag("button", ["type": "submit"]) { "Ajouter l'orientation" } }
            }
        }
    }

    private func form(_ name: String, action: String, csrf: String, back: (name: String, value: String), fields: [EditForm.Field],
                      defaults: [String: String], button: String) -> HTML {
        fragment {
            PageParts.alert(echo?.failure(of: name))
            tag("form", ["class": "search", "action": action, "method": "post"]) {
                hidden(csrf: csrf, form: name, back: back)
                for field in fields {
                    EditForm.input(field, value: echo?.typed(field.name, in: name) ?? defaults[field.name] ?? "", prefix: name,
                                   choices: field.name == "type" ? EditForm.actorTypes(snapshot) : nil)
                }
                tag("p") { tag("button", ["type": "submit"]) { button } }
            }
        }
    }

    private func hidden(csrf: String, form: String, back: (name: String, value: String)) -> HTML {
        fragment {
            tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
            tag("input", ["type": "hidden", "name": FormEcho.field, "value": form])
            tag("input", ["type": "hidden", "name": back.name, "value": back.value])
        }
    }
}
