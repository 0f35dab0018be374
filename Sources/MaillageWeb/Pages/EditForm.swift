import Maillage

/// The form on a place's or an intermediary's page for a signed-in editor, filled with what is
/// shown: for a place the fields people most often find wrong (name, address, hours, contacts)
/// and "still true today"; for an intermediary its whole row of the intermediaries CSV.
struct EditForm {
    typealias Field = (name: String, label: String, hint: String?)

    /// The fields of a place's form, by national-schema name, with their label and hint.
    static let placeFields: [Field] = [
        ("nom", "Nom", nil),
        ("adresse", "Adresse", nil),
        ("commune", "Commune", nil),
        ("horaires", "Horaires", "Au format des horaires OpenStreetMap, par exemple Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00"),
        ("telephone", "Téléphone", "Au format international, par exemple +33475000000"),
        ("courriels", "Courriels", "Plusieurs adresses séparées par |"),
        ("site_web", "Site web", "Commençant par https://"),
    ]

    /// The fields of an intermediary's form, by the intermediaries CSV's names.
    static let intermediaryFields: [Field] = [
        ("nom", "Nom", nil),
        ("type", "Type d'intervenant", "Par exemple conseiller-numerique, france-services, ecrivain-public, travailleur-social"),
        ("headcount", "Effectif", "Nombre de personnes ; vide si inconnu"),
        ("place_id", "Lieux où il intervient", "Identifiants des lieux, séparés par |"),
        ("services", "Services relayés", "Services de la taxonomie (nom ou identifiant), séparés par |"),
        ("zone", "Zone d'intervention", "Codes de communes, EPCI, départements ou régions, ou france, séparés par |"),
        ("modalites_accompagnement", "Modalités d'accompagnement", "Par exemple Accompagnement individuel|À distance"),
        ("itinerance", "Itinérance", "Itinérant ou Fixe"),
    ]

    static func fields(intermediary: Bool) -> [Field] { intermediary ? intermediaryFields : placeFields }

    /// The name of the form (its hidden `formulaire` field).
    static let name = "modifier"

    /// What the node shows, for the editor signed in.
    let shown: EditableValues
    /// The form sent back when a value was refused.
    var echo: FormEcho?
    /// The actor types an intermediary's `type` is chosen from (slug, label).
    var actorTypes: [Choice] = []

    typealias Choice = (value: String, label: String)

    /// The actor types of `snapshot`, by label: the choices of an intermediary's `type`.
    static func actorTypes(_ snapshot: Snapshot) -> [Choice] {
        snapshot.diagramSource.actorTypeLabels.map { ($0.key, $0.value) }.sorted { $0.label < $1.label }
    }

    /// The value shown in a field: what was typed, else what the node shows.
    private func value(_ name: String) -> String {
        echo?.typed(name, in: Self.name) ?? shown.values[name] ?? ""
    }

    func render() -> HTML {
        guard Visitor.current.editor != nil, let csrf = Visitor.current.csrf else { return HTML() }
        let base = "/lieux/" + encode(shown.id)
        return fragment {
            tag("h2", ["id": "corriger"]) { "Corriger ces informations" }
            PageParts.alert(echo?.failure(of: Self.name))
            tag("form", ["class": "search", "action": base + "/modifier", "method": "post"]) {
                tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
                tag("input", ["type": "hidden", "name": FormEcho.field, "value": Self.name])
                for field in Self.fields(intermediary: shown.isIntermediary) {
                    Self.input(field, value: value(field.name), prefix: "edit", choices: field.name == "type" ? actorTypes : nil)
                }
                tag("p") { tag("button", ["type": "submit"]) { "Enregistrer" } }
            }
            if !shown.isIntermediary {
                tag("form", ["action": base + "/verifie", "method": "post"]) {
                    tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
                    tag("p") {
                        tag("button", ["type": "submit"]) { "Toujours vrai aujourd'hui" }
                        " "
                        tag("span", ["class": "muted"]) { "met la date de mise à jour à aujourd'hui" }
                    }
                }
            }
            tag("p") { tag("a", ["href": link("/journal", [("place", shown.id)])]) { "Journal des modifications" } }
        }
    }

    /// One labelled field, with its hint tied to it for screen readers: a text field, or a list
    /// to choose from (the value shown chosen, and kept when it is none of them).
    static func input(_ field: Field, value: String, prefix: String, choices: [Choice]? = nil) -> HTML {
        let id = "\(prefix)-\(field.name)"
        let described = field.hint == nil ? nil : id + "-aide"
        return tag("div", ["class": "field"]) {
            tag("label", ["for": id]) { field.label }
            if let hint = field.hint, choices == nil { tag("span", ["class": "hint", "id": id + "-aide"]) { hint } }
            if let choices {
                tag("select", ["id": id, "name": field.name]) {
                    if value.isEmpty { tag("option", ["value": ""]) { "Choisir…" } }
                    if !value.isEmpty, !choices.contains(where: { $0.value == value }) { tag("option", ["value": value, "selected": ""]) { value } }
                    for choice in choices { tag("option", ["value": choice.value, "selected": choice.value == value ? "" : nil]) { choice.label } }
                }
            } else {
                tag("input", ["type": "text", "id": id, "name": field.name, "value": value, "aria-describedby": described])
            }
        }
    }
}
