import Maillage

/// `/communes/{code}`: everything in one commune, and for each service missing there the nearest relay.
struct CommunePage {
    let summary: CommuneSummary
    let snapshot: Snapshot

    func render() -> HTML {
        let row = snapshot.territories.communeRow(code: summary.code)
        let departement = row.map { snapshot.territories.name(of: $0.departement, at: .departement) }
        return Layout.page(title: "\(summary.nom) (\(summary.code))",
                           lead: HTML("\(French.integer(summary.population)) habitants" + (departement.map { " · \($0)" } ?? "")
                                      + " · \(summary.places.count) lieu\(summary.places.count > 1 ? "x" : "") de médiation")) {
            tag("p") {
                if let row {
                    tag("a", ["href": "/territoires/" + encode(row.departement)]) { snapshot.territories.name(of: row.departement, at: .departement) }
                    if let epci = row.epci { " · "; tag("a", ["href": "/territoires/" + encode(epci)]) { snapshot.territories.name(of: epci, at: .epci) } }
                    " · "
                }
                tag("a", ["href": "/reseau/" + encode(summary.code)]) { "Le réseau d'orientation" }
            }
            tag("h2") { "Les lieux de la commune" }
            if summary.places.isEmpty { tag("p") { "Aucun lieu de médiation numérique n'est connu dans la commune." } }
            tag("ul", ["class": "plain"]) {
                for place in summary.places {
                    tag("li") {
                        tag("h3") { PageParts.profileLink(place.id, name: place.nom) }
                        if !place.services.isEmpty { tag("p") { "Services : " + place.services.joined(separator: ", ") } }
                        if !place.intermediaries.isEmpty {
                            tag("p") {
                                "Intervenants : "
                                for (index, member) in place.intermediaries.enumerated() {
                                    if index > 0 { ", " }
                                    PageParts.profileLink(member.id, name: member.nom ?? member.id)
                                    " (" + (snapshot.diagramSource.actorTypeLabels[member.type] ?? member.type) + ")"
                                }
                            }
                        }
                    }
                }
            }
            tag("h2") { "Services relayés dans la commune" }
            if summary.servicesHere.isEmpty { tag("p") { "Aucun." } } else { tag("ul") { for service in summary.servicesHere { tag("li") { service } } } }
            tag("h2") { "Services absents : le relais le plus proche" }
            PageParts.table(caption: "Pour chaque service sans relais dans la commune (recherche jusqu'à \(Int(CommuneSummary.searchRadiusKm)) km)",
                            headers: ["Service", "Relais le plus proche", "Distance"], numeric: [2],
                            rows: summary.elsewhere.map { missing in
                                guard let nearest = missing.nearest else { return [HTML(missing.service), "aucun", "—"] }
                                let how = nearest.distanceKm.map(French.distance) ?? (nearest.remote ? "à distance" : "par sa zone")
                                return [HTML(missing.service), PageParts.profileLink(nearest.id, name: nearest.nom), HTML(how)]
                            })
            tag("p", ["class": "muted"]) {
                "Chercher un service depuis cette commune : "
                tag("a", ["href": link("/", [("commune", summary.code)])]) { "recherche" }
            }
        }
    }
}
