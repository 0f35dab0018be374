import Maillage

/// `/territoires/{code}`: a commune, EPCI, département or région for one service and radius:
/// summary counts, coverage holes and their map, the accessibility ranking, the communes hanging
/// on a single relay, the network diagram, each downloadable.
struct TerritoryPage {
    /// What the page reports on, read from its URL.
    struct Question {
        var territory: ResolvedTerritory
        var service: String
        var serviceLabel: String
        var radiusKm: Double

        /// The scope as the library's queries take it (`departement:07`).
        var scope: String { "\(territory.level.rawValue):\(territory.code)" }

        /// The query string that asks the same question again.
        var parameters: [(String, String?)] { [("service", service), ("radius_km", AppliedFilters.kilometres(radiusKm))] }

        static let defaultService = "aide-aux-demarches-administratives"

        init(code: String, asked: QueryString, snapshot: Snapshot) throws {
            territory = try snapshot.territories.territory(code)
            let name = asked.text("service") ?? (snapshot.catalog.slugs.contains(Self.defaultService) ? Self.defaultService : snapshot.catalog.slugs[0])
            let number = try snapshot.catalog.service(named: name)
            service = snapshot.catalog.slugs[number]
            serviceLabel = snapshot.catalog.labels[number]
            radiusKm = try asked.number("radius_km", in: 0...RequestQueries.maximumRadiusKm) ?? 10
        }
    }

    /// The reports the page shows, computed from one snapshot.
    struct Reports {
        var gaps: GapReport
        var access: AccessReport
        var singleRelays: SingleRelayReport
        var places: Int
        var intermediaries: Int

        init(_ question: Question, snapshot: Snapshot) throws {
            var gapQuery = GapQuery(service: question.service, radiusKm: question.radiusKm)
            gapQuery.within = question.scope
            gaps = try snapshot.directory.gaps(gapQuery, territories: snapshot.territories)
            var accessQuery = AccessQuery(service: question.service)
            accessQuery.within = question.scope
            access = try snapshot.directory.access(accessQuery, territories: snapshot.territories)
            singleRelays = try snapshot.directory.singleRelays(gapQuery, territories: snapshot.territories)
            let communes = try snapshot.graph.communes(within: question.scope, territories: snapshot.territories)
            let graph = snapshot.graph
            let inside = (0..<graph.nodeCount).filter { graph.active[$0] && communes.contains(graph.commune[$0]) }
            places = inside.filter { graph.kinds[$0] == .place }.count
            var working = Set<Int>()
            for node in 0..<graph.nodeCount where graph.kinds[node] == .intermediary && graph.active[node] {
                if graph.worksAt.neighbours(of: node).contains(where: { communes.contains(graph.commune[Int($0)]) }) { working.insert(node) }
            }
            intermediaries = working.count + inside.filter { graph.kinds[$0] == .intermediary }.count
        }
    }

    let question: Question
    let reports: Reports
    let snapshot: Snapshot
    let coverageMap: Result<String, any Error>
    /// The week's coverage, hour by hour (this week).
    let weekTable: Result<String, any Error>
    /// nil for a région, whose network is drawn département by département.
    let networkDiagram: Result<String, any Error>?

    private var base: String { "/territoires/" + encode(question.territory.code) }

    private func download(_ file: String) -> String { link(base + "/" + file, question.parameters) }

    func render() -> Layout.Content {
        let territory = question.territory
        let gaps = reports.gaps
        let uncovered = gaps.territories.filter { $0.uncoveredPopulation > 0 }.sorted { $0.uncoveredPopulation > $1.uncoveredPopulation }
        let share = gaps.population > 0 ? Double(gaps.uncoveredPopulation) / Double(gaps.population) : 0
        return Layout.main(title: "\(territory.nom) (\(territory.code))", lead: HTML("\(Self.levelName(territory.level)) · \(question.serviceLabel) à \(French.decimal(question.radiusKm, digits: question.radiusKm == question.radiusKm.rounded() ? 0 : 1)) km"), wide: true) {
            form()
            tag("ul", ["class": "figures"]) {
                figure(French.integer(gaps.population), "habitants")
                figure(French.integer(gaps.territories.count), "communes")
                figure(French.integer(reports.places), "lieux de médiation")
                figure(French.integer(reports.intermediaries), "équipes et intervenants")
                figure(French.percent(share), "de la population sans relais à \(AppliedFilters.kilometres(question.radiusKm)) km")
                figure(French.integer(reports.singleRelays.communes.count), "communes avec un seul relais")
            }
            tag("h2") { "Carte de couverture" }
            PageParts.diagram(try? coverageMap.get(), caption: "Chaque commune à sa position, colorée selon le nombre de relais à moins de \(AppliedFilters.kilometres(question.radiusKm)) km ; les points noirs sont les relais.",
                              failure: failure(coverageMap), downloads: [("SVG", download("couverture.svg")), ("PNG", download("couverture.png"))])
            tag("h2") { "Ouverture dans la semaine" }
            PageParts.diagram(try? weekTable.get(), caption: "Part des habitants avec un relais ouvert à moins de \(AppliedFilters.kilometres(question.radiusKm)) km, heure par heure cette semaine (chaque heure lue à la demi-heure, jours fériés compris). Les relais aux horaires inconnus, sans lieu, et les zones d'intervention n'ont pas d'horaires : ils ne comptent pas ici.",
                              failure: failure(weekTable), downloads: [("SVG", download("semaine.svg")), ("PNG", download("semaine.png"))])
            tag("h2") { "Trous de couverture" }
            if uncovered.isEmpty { tag("p") { "Toutes les communes ont un relais à moins de \(AppliedFilters.kilometres(question.radiusKm)) km." } }
            else {
                PageParts.table(caption: "Communes sans relais à moins de \(AppliedFilters.kilometres(question.radiusKm)) km, les plus peuplées d'abord (\(uncovered.count) en tout)",
                                headers: ["Commune", "Habitants", "Relais le plus proche"], numeric: [1, 2],
                                rows: uncovered.prefix(50).map { gap in
                                    [tag("a", ["href": "/communes/" + encode(gap.code)]) { gap.nom }, HTML(French.integer(gap.population)),
                                     HTML(gap.nearestKm.map(French.distance) ?? "aucun")]
                                })
            }
            PageParts.downloads([("Tous les trous (CSV)", download("manques.csv"))])
            accessRanking()
            singleRelays()
            tag("h2") { "Réseau des intervenants" }
            if let networkDiagram {
                PageParts.diagram(try? networkDiagram.get(), caption: "Les lieux, les équipes qui y travaillent et les orientations entre eux.",
                                  failure: failure(networkDiagram), downloads: [("SVG", download("reseau.svg")), ("PNG", download("reseau.png"))])
            } else {
                tag("p") { "Le réseau d'une région est dessiné département par département :" }
                tag("ul", ["class": "columns"]) {
                    for code in departements {
                        tag("li") { tag("a", ["href": link("/territoires/" + encode(code), question.parameters)]) { "\(snapshot.territories.name(of: code, at: .departement)) (\(code))" } }
                    }
                }
                PageParts.downloads([("Le réseau de toute la région (SVG, long à dessiner)", download("reseau.svg"))])
            }
            tag("p") { tag("a", ["href": "/reseau/" + encode(territory.code)]) { "La santé du réseau d'orientation (intermédiaires clés, points de coupure)" } }
        }
    }

    /// The départements of the territory (for a région), by code.
    private var departements: [String] {
        Array(Set(snapshot.territories.communes.filter { $0.code(at: question.territory.level) == question.territory.code }.map(\.departement))).sorted()
    }

    private func form() -> HTML {
        tag("form", ["class": "search", "action": base, "method": "get"]) {
            tag("div", ["class": "row"]) {
                tag("div", ["class": "field"]) {
                    tag("label", ["for": "service"]) { "Service" }
                    tag("select", ["id": "service", "name": "service"]) {
                        for (index, slug) in snapshot.catalog.slugs.enumerated() {
                            tag("option", ["value": slug, "selected": slug == question.service ? "" : nil]) {
                                String(repeating: "\u{2003}", count: snapshot.catalog.depth(of: index)) + snapshot.catalog.labels[index]
                            }
                        }
                    }
                }
                tag("div", ["class": "field"]) {
                    tag("label", ["for": "radius_km"]) { "Distance (km)" }
                    tag("input", ["type": "number", "id": "radius_km", "name": "radius_km", "min": "0", "max": "1000", "step": "any",
                                  "value": AppliedFilters.kilometres(question.radiusKm)])
                }
            }
            tag("p") { tag("button", ["type": "submit"]) { "Afficher" } }
        }
    }

    private func figure(_ value: String, _ label: String) -> HTML {
        tag("li") { tag("strong") { value }; label }
    }

    private func accessRanking() -> HTML {
        let ranked = reports.access.communes.sorted { ($0.score, $0.code) < ($1.score, $1.code) }
        return fragment {
            tag("h2") { "Accessibilité : où l'accès est le plus faible" }
            tag("p", ["class": "muted"]) { "Indice E2SFCA (zone de 30 km, relais pondérés par leurs effectifs) ; le plus faible d'abord." }
            PageParts.table(caption: "Les 15 communes à l'accès le plus faible", headers: ["Commune", "Habitants", "Indice (pour 10 000 hab.)"], numeric: [1, 2],
                            rows: ranked.prefix(15).map { commune in
                                [tag("a", ["href": "/communes/" + encode(commune.code)]) { commune.nom }, HTML(French.integer(commune.population)),
                                 HTML(French.decimal(commune.score * 10_000, digits: 2))]
                            })
            PageParts.downloads([("Tout le classement (CSV)", download("accessibilite.csv"))])
        }
    }

    private func singleRelays() -> HTML {
        let report = reports.singleRelays
        return fragment {
            tag("h2") { "Communes qui dépendent d'un seul relais" }
            if report.communes.isEmpty { tag("p") { "Aucune commune couverte ne dépend d'un seul relais." } }
            else {
                PageParts.table(caption: "\(report.communes.count) commune\(report.communes.count > 1 ? "s" : "") (les plus peuplées d'abord)",
                                headers: ["Commune", "Habitants", "Seul relais", "Distance"], numeric: [1, 3],
                                rows: report.communes.prefix(20).map { commune in
                                    [tag("a", ["href": "/communes/" + encode(commune.code)]) { commune.nom }, HTML(French.integer(commune.population)),
                                     PageParts.profileLink(commune.relayId, name: commune.relayNom), HTML(commune.distanceKm.map(French.distance) ?? "par sa zone")]
                                })
            }
            PageParts.downloads([("Toutes (CSV)", download("relais-uniques.csv"))])
        }
    }

    private func failure(_ result: Result<String, any Error>?) -> String? {
        guard case .failure(let error)? = result else { return nil }
        return "Le schéma n'a pas pu être dessiné (\(error.localizedDescription))."
    }

    static func levelName(_ level: TerritoryLevel) -> String {
        switch level {
        case .commune: "Commune"
        case .epci: "Intercommunalité (EPCI)"
        case .departement: "Département"
        case .region: "Région"
        case .france: "France"
        }
    }
}
