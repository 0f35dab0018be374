import Maillage

/// "Signaler une erreur" on a place's page: open to anyone, no personal data asked.
struct ReportForm {
    static let categories: [(ErrorReport.Category, String)] = [
        (.horaires, "Les horaires"), (.services, "Les services proposés"), (.adresse, "L'adresse"),
        (.contact, "Le téléphone, le courriel ou le site"), (.ferme, "Le lieu a fermé définitivement"),
    ]

    let place: String
    /// The token the form carries, also set as a cookie (double submit).
    let csrf: String
    var sent = false

    func render() -> HTML {
        fragment {
            tag("h2", ["id": "signaler"]) { "Signaler une erreur" }
            if sent { tag("p", ["class": "notice", "role": "status"]) { "Merci : votre signalement a été transmis aux personnes qui tiennent cet annuaire." } }
            tag("details") {
                tag("summary") { "Une information est fausse ou dépassée ?" }
                tag("form", ["action": "/lieux/" + encode(place) + "/signaler", "method": "post"]) {
                    tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
                    tag("div", ["class": "field"]) {
                        tag("label", ["for": "signalement-categorie"]) { "Ce qui est faux" }
                        tag("select", ["id": "signalement-categorie", "name": "categorie", "required": ""]) {
                            for (category, label) in Self.categories { tag("option", ["value": category.rawValue]) { label } }
                        }
                    }
                    tag("div", ["class": "field"]) {
                        tag("label", ["for": "signalement-texte"]) { "Précisions (facultatif)" }
                        tag("span", ["class": "hint", "id": "signalement-aide"]) { "1 000 caractères au plus ; n'indiquez pas de données personnelles." }
                        tag("textarea", ["id": "signalement-texte", "name": "texte", "maxlength": "1000", "rows": "4", "aria-describedby": "signalement-aide"])
                    }
                    tag("p") { tag("button", ["type": "submit"]) { "Envoyer le signalement" } }
                }
            }
        }
    }
}
