import Maillage

/// `/reseau/{code}`: the referral network's health in a territory: who brokers it (betweenness),
/// whose closure would cut it (cut points, bridges), who is isolated, the communities, and the diagram.
struct NetworkPage {
    let territory: ResolvedTerritory
    let report: NetworkReport
    let diagram: Result<String, any Error>

    private func name(_ id: String) -> HTML { PageParts.profileLink(id, name: report.names[id] ?? id) }

    func render() -> Layout.Content {
        let brokers = report.betweenness.filter { $0.value > 0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let base = "/territoires/" + encode(territory.code)
        return Layout.main(title: "Réseau d'orientation : \(territory.nom) (\(territory.code))",
                           lead: HTML("\(report.nodes) lieux, \(report.edges) liens d'orientation, \(report.communities.count) communauté\(report.communities.count > 1 ? "s" : "") (modularité \(French.decimal(report.modularity, digits: 3)))"),
                           wide: true) {
            tag("h2") { "Intermédiaires clés" }
            tag("p", ["class": "muted"]) { "Par où passent le plus de chemins d'orientation (centralité d'intermédiarité, normalisée)." }
            if brokers.isEmpty { tag("p") { "Aucun : aucun lieu n'est sur le chemin entre deux autres." } }
            else {
                PageParts.table(caption: "Les 15 premiers", headers: ["Lieu", "Intermédiarité"], numeric: [1],
                                rows: brokers.prefix(15).map { [name($0.key), HTML(French.decimal($0.value, digits: 3))] })
            }
            tag("h2") { "Points de coupure" }
            tag("p", ["class": "muted"]) { "Lieux dont la fermeture couperait le réseau en morceaux." }
            list(report.articulationPoints, empty: "Aucun.")
            tag("h2") { "Liens uniques (ponts)" }
            if report.bridges.isEmpty { tag("p") { "Aucun." } } else {
                tag("ul") {
                    for bridge in report.bridges.prefix(50) where bridge.count == 2 { tag("li") { name(bridge[0]); " — "; name(bridge[1]) } }
                    if report.bridges.count > 50 { tag("li") { "… et \(report.bridges.count - 50) autres" } }
                }
            }
            tag("h2") { "Lieux isolés" }
            tag("p", ["class": "muted"]) { "Sans aucune orientation, ni reçue ni donnée." }
            list(report.isolated, empty: "Aucun.")
            tag("h2") { "Communautés" }
            tag("ol") {
                for community in report.communities.prefix(20) where community.count > 1 {
                    tag("li") {
                        for (index, id) in community.prefix(12).enumerated() { if index > 0 { ", " }; name(id) }
                        if community.count > 12 { " et \(community.count - 12) autres" }
                    }
                }
            }
            tag("h2") { "Schéma" }
            PageParts.diagram(try? diagram.get(), caption: "Les lieux, les équipes qui y travaillent et les orientations entre eux.",
                              failure: "Le schéma n'a pas pu être dessiné.",
                              downloads: [("SVG", base + "/reseau.svg"), ("PNG", base + "/reseau.png"), ("JSON (API)", link("/api/network", [("within", territory.code)]))])
        }
    }

    private func list(_ ids: [String], empty: String) -> HTML {
        guard !ids.isEmpty else { return tag("p") { empty } }
        return tag("ul") {
            for id in ids.prefix(50) { tag("li") { name(id) } }
            if ids.count > 50 { tag("li") { "… et \(ids.count - 50) autres" } }
        }
    }
}
