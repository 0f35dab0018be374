import Maillage

/// The search form of `/` and `/recherche`: a service, a commune (name or INSEE code), a radius
/// and the filters of `relays`, filled with what was asked.
struct SearchForm {
    let snapshot: Snapshot
    var asked: QueryString?
    /// Where the form goes: the search, or the referral page.
    var action = "/recherche"

    func render() -> HTML {
        let catalog = snapshot.catalog
        let chosenService = asked?.text("service")
        return tag("form", ["class": "search", "action": action, "method": "get", "role": "search"]) {
            tag("div", ["class": "field"]) {
                tag("label", ["for": "service"]) { "Besoin" }
                tag("select", ["id": "service", "name": "service", "required": ""]) {
                    for index in catalog.slugs.indices {
                        let indent = String(repeating: "\u{2003}", count: catalog.depth(of: index))
                        let selected = chosenService == catalog.slugs[index] || chosenService == catalog.labels[index]
                        tag("option", ["value": catalog.slugs[index], "selected": selected ? "" : nil]) { indent + catalog.labels[index] }
                    }
                }
            }
            tag("div", ["class": "row"]) {
                tag("div", ["class": "field"]) {
                    tag("label", ["for": "commune"]) { "Commune" }
                    tag("span", ["class": "hint", "id": "commune-aide"]) { "Nom, code INSEE ou code postal" }
                    tag("input", ["type": "text", "id": "commune", "name": "commune", "required": "", "autocomplete": "address-level2",
                                  "aria-describedby": "commune-aide", "value": asked?.text("commune") ?? ""])
                }
                tag("div", ["class": "field"]) {
                    tag("label", ["for": "radius_km"]) { "Distance (km)" }
                    tag("span", ["class": "hint", "id": "distance-aide"]) { "À vol d'oiseau, depuis le centre de la commune" }
                    tag("input", ["type": "number", "id": "radius_km", "name": "radius_km", "min": "0", "max": "1000", "step": "any",
                                  "inputmode": "decimal", "aria-describedby": "distance-aide", "value": asked?.text("radius_km") ?? "10"])
                }
            }
            tag("details", ["open": filtersOpen ? "" : nil]) {
                tag("summary") { "Plus de critères" }
                tag("div", ["class": "row"]) {
                    choice("public", label: "Public", values: snapshot.directory.values(of: .publics))
                    choice("prise_en_charge", label: "Prise en charge spécifique", values: snapshot.directory.values(of: .priseEnCharge))
                    choice("label", label: "Label ou dispositif", values: snapshot.directory.values(of: .labels))
                    tag("div", ["class": "field"]) {
                        tag("label", ["for": "open_at"]) { "Ouvert le" }
                        tag("input", ["type": "datetime-local", "id": "open_at", "name": "open_at", "value": asked?.text("open_at") ?? ""])
                    }
                }
                tag("p", ["class": "check"]) {
                    tag("input", ["type": "checkbox", "id": "free", "name": "free", "value": "1", "checked": (try? asked?.flag("free")) == true ? "" : nil])
                    tag("label", ["for": "free"]) { "Gratuit seulement" }
                }
            }
            if let start = asked?.text("depuis") { tag("input", ["type": "hidden", "name": "depuis", "value": start]) }
            tag("p") { tag("button", ["type": "submit"]) { "Chercher" } }
        }
    }

    private var filtersOpen: Bool {
        guard let asked else { return false }
        return ["public", "prise_en_charge", "label", "open_at", "free"].contains { asked.text($0) != nil }
    }

    private func choice(_ name: String, label: String, values: [String]) -> HTML {
        let chosen = asked?.text(name)
        return tag("div", ["class": "field"]) {
            tag("label", ["for": name]) { label }
            tag("select", ["id": name, "name": name]) {
                tag("option", ["value": ""]) { "Tous" }
                for value in values { tag("option", ["value": value, "selected": chosen == value ? "" : nil]) { value } }
            }
        }
    }
}

/// `/`: the search form (filled from its query string, e.g. `/?commune=07186` from a commune's
/// page), then the départements that have places, each a link to its territory page.
struct HomePage {
    let snapshot: Snapshot
    let asked: QueryString

    func render() -> HTML {
        let departements = placesByDepartement()
        return Layout.page(title: "Trouver un lieu d'aide au numérique",
                           lead: "Qui peut accompagner une personne pour une démarche en ligne, près de chez elle.") {
            SearchForm(snapshot: snapshot, asked: asked).render()
            if !departements.isEmpty {
                tag("h2") { "Parcourir par département" }
                tag("p", ["class": "muted"]) { "Couverture, accessibilité, communes fragiles et réseau de chaque territoire." }
                tag("ul", ["class": "columns"]) {
                    for (code, places) in departements {
                        tag("li") {
                            tag("a", ["href": "/territoires/" + encode(code)]) { "\(snapshot.territories.name(of: code, at: .departement)) (\(code))" }
                            " · \(places) lieu\(places > 1 ? "x" : "")"
                        }
                    }
                }
            }
        }
    }

    /// How many active places each département holds, by département code.
    private func placesByDepartement() -> [(code: String, places: Int)] {
        let graph = snapshot.graph
        var departementOfCommune: [Int32: String] = [:]
        var counts: [String: Int] = [:]
        for node in 0..<graph.nodeCount where graph.kinds[node] == .place && graph.active[node] && graph.commune[node] >= 0 {
            let commune = graph.commune[node]
            if departementOfCommune[commune] == nil {
                departementOfCommune[commune] = snapshot.territories.communeRow(code: graph.communeCodes[Int(commune)])?.departement ?? ""
            }
            if let departement = departementOfCommune[commune], !departement.isEmpty { counts[departement, default: 0] += 1 }
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
