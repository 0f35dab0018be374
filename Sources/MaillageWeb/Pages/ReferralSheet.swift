import Maillage

/// `/orienter/fiche?lieu=…[&service=…]`: the one-page "fiche d'orientation" a person takes along:
/// where to go, the hours of the next seven days, how to reach and how to get help there, what to
/// bring when the service says so, and the address of the place's page. Nothing about the person is asked or stored.
struct ReferralSheet {
    let profile: NodeProfile
    let serviceLabel: String?
    /// What to bring for that service, as the taxonomy says (``ServiceCatalog/whatToBring(for:)``).
    var toBring: [String] = []
    let today: LocalDateTime
    /// The page's address as the person can type it (`http://host/lieux/ID`).
    let pageAddress: String

    func render() -> HTML {
        let hours = profile.horaires.flatMap { try? OpeningHours(parsing: $0) }
        return Layout.page(title: "Fiche d'orientation", lead: serviceLabel.map { HTML("Pour : \($0)") }) {
            tag("section", ["class": "fiche"]) {
                tag("h2") { profile.nom ?? profile.id }
                tag("p", ["class": "address"]) {
                    if let adresse = profile.adresse { adresse; tag("br") }
                    [profile.codePostal, profile.commune].compactMap { $0 }.joined(separator: " ")
                }
                tag("h3") { "Horaires des prochains jours" }
                if let hours {
                    tag("ul", ["class": "plain"]) {
                        for day in hours.week(startingOn: today.date) {
                            tag("li") {
                                tag("strong") { French.weekdays[day.date.weekday - 1].capitalized + " \(day.date.day) \(French.months[day.date.month - 1])" }
                                " : " + (day.intervals.isEmpty ? (day.unknown ? "à vérifier" : "fermé")
                                         : day.intervals.map { "\(French.time($0.lowerBound)) – \(French.time($0.upperBound))" }.joined(separator: ", "))
                                if !day.comments.isEmpty { " (" + day.comments.joined(separator: ", ") + ")" }
                            }
                        }
                    }
                } else {
                    tag("p") { profile.horaires ?? "Horaires non renseignés : appelez avant de vous déplacer." }
                }
                if profile.telephone != nil || !profile.courriels.isEmpty {
                    tag("h3") { "Contact" }
                    tag("p") {
                        if let telephone = profile.telephone { "Téléphone : " + telephone; tag("br") }
                        if !profile.courriels.isEmpty { "Courriel : " + profile.courriels.joined(separator: ", ") }
                    }
                }
                if !profile.modalitesAcces.isEmpty || !profile.fraisACharge.isEmpty || profile.priseRdv != nil {
                    tag("h3") { "Comment être aidé" }
                    tag("ul") {
                        for access in profile.modalitesAcces { tag("li") { access } }
                        if !profile.fraisACharge.isEmpty { tag("li") { "Frais : " + profile.fraisACharge.joined(separator: ", ") } }
                        if let booking = profile.priseRdv { tag("li") { "Prendre rendez-vous : " + booking } }
                    }
                }
                if !toBring.isEmpty {
                    tag("h3") { "À apporter" }
                    tag("ul") { for item in toBring { tag("li") { item } } }
                }
                tag("p", ["class": "muted"]) { "Fiche du lieu en ligne : " + pageAddress }
            }
            tag("p", ["class": "screen-only muted"]) {
                "Imprimez cette page avec la fonction Imprimer de votre navigateur : elle tient sur une page A4. Rien sur la personne n'est enregistré."
            }
        }
    }
}
