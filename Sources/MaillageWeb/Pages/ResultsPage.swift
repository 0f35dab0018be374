import Maillage

/// `/recherche`: who relays the service near the commune, nearest first, with the same query
/// string downloadable as CSV and GeoJSON.
struct ResultsPage {
    let snapshot: Snapshot
    let asked: QueryString
    let now: LocalDateTime

    /// How the commune typed was understood.
    enum CommuneChoice {
        case code(String)
        /// Several communes match: the person chooses.
        case choose([CommuneNames.Suggestion])
        case unknown(String)
    }

    static func commune(_ text: String, in snapshot: Snapshot) -> CommuneChoice {
        if snapshot.territories.communeRow(code: text) != nil { return .code(text) }
        if let named = snapshot.communeNames.commune(named: text) { return .code(named.code) }
        let suggestions = snapshot.communeNames.suggestions(text, limit: 12)
        if suggestions.count == 1 { return .code(suggestions[0].code) }
        if !suggestions.isEmpty { return .choose(suggestions) }
        // A municipal arrondissement's code or an old code: the query says what it makes of it.
        return text.count == 5 && text.allSatisfy { $0.isNumber || $0 == "A" || $0 == "B" } ? .code(text) : .unknown(text)
    }

    /// The answer for the commune asked, or what to ask the person instead.
    static func answer(_ asked: QueryString, in snapshot: Snapshot) throws -> (answer: RelayAnswer?, choice: CommuneChoice) {
        let text = try asked.required("commune")
        let choice = commune(text, in: snapshot)
        guard case .code(let code) = choice else { return (nil, choice) }
        return (try snapshot.directory.answer(RequestQueries.relays(asked, commune: code)), choice)
    }

    func render() throws -> HTML {
        let service = try asked.required("service")
        let label = snapshot.catalog.labels[try snapshot.catalog.service(named: service)]
        let (answer, choice) = try Self.answer(asked, in: snapshot)
        let title = switch choice {
        case .code: answer?.commune.map { "\(label) près de \($0.nom) (\($0.code))" } ?? label
        case .choose: "\(label) : quelle commune ?"
        case .unknown: "\(label) : commune inconnue"
        }
        return Layout.page(title: title) {
            switch choice {
            case .choose(let suggestions): chooseCommune(suggestions)
            case .unknown(let text):
                tag("p", ["class": "error"]) { FrenchMessages.describe(QueryError.unknownCommune(text)) }
            case .code: if let answer { results(answer) }
            }
            tag("h2") { "Modifier la recherche" }
            SearchForm(snapshot: snapshot, asked: asked).render()
        }
    }

    private func chooseCommune(_ suggestions: [CommuneNames.Suggestion]) -> HTML {
        fragment {
            tag("p") { "Plusieurs communes correspondent : laquelle ?" }
            tag("ul") {
                for commune in suggestions {
                    tag("li") {
                        tag("a", ["href": link("/recherche", asked.replacing("commune", with: commune.code))]) { commune.nom }
                        " (\(commune.code), département \(commune.departement), \(French.integer(commune.population)) hab.)"
                    }
                }
            }
        }
    }

    private func results(_ answer: RelayAnswer) -> HTML {
        let filters = PageParts.filters(answer.filters)
        let radius = answer.filters.radiusKm.map { AppliedFilters.kilometres($0).replacingOccurrences(of: ".", with: ",") } ?? "?"
        let count = answer.relays.count
        return fragment {
            tag("p", ["class": "lead"]) {
                count == 0 ? "Aucun relais à moins de \(radius) km, ni qui intervienne sur la commune ou à distance."
                    : "\(count) relais à moins de \(radius) km, ou qui interviennent sur la commune ou à distance ; le plus proche d'abord."
                if !filters.isEmpty { " Critères : \(filters)." }
            }
            PageParts.downloads([
                ("CSV", link("/recherche.csv", asked.pairs)), ("GeoJSON", link("/recherche.geojson", asked.pairs)),
                ("JSON (API)", link("/api/relays", asked.pairs.filter { $0.0 != "commune" } + [("commune", answer.commune?.code)])),
            ])
            tag("ol", ["class": "results"]) {
                for relay in answer.relays { result(relay) }
            }
        }
    }

    private func result(_ relay: RelayResult) -> HTML {
        let hours = relay.horaires.flatMap { try? OpeningHours(parsing: $0) }
        let open = hours?.isOpen(at: now)
        return tag("li") {
            tag("div", ["class": "result-head"]) {
                tag("h3") { PageParts.profileLink(relay.id, name: relay.nom) }
                if let distance = relay.distanceKm { tag("span", ["class": "distance"]) { French.distance(distance) } }
                if open == true { tag("span", ["class": "badge open"]) { "Ouvert maintenant" } }
                if open == false { tag("span", ["class": "badge closed"]) { "Fermé maintenant" } }
                if relay.zone { tag("span", ["class": "badge tag"]) { "Intervient sur la zone" } }
                if relay.remote { tag("span", ["class": "badge tag"]) { "À distance" } }
                if relay.kind == .intermediary { tag("span", ["class": "badge tag"]) { "Sans lieu fixe" } }
            }
            tag("p") { "Services : " + relay.services.joined(separator: ", ") }
            if !relay.intermediaries.isEmpty {
                tag("ul", ["class": "plain"]) {
                    for member in relay.intermediaries {
                        tag("li") {
                            PageParts.profileLink(member.id, name: member.nom ?? member.id)
                            " — " + (snapshot.diagramSource.actorTypeLabels[member.type] ?? member.type)
                            if let headcount = member.headcount { ", \(headcount) personne\(headcount > 1 ? "s" : "")" }
                        }
                    }
                }
            }
            if let text = relay.horaires { tag("p", ["class": "muted"]) { "Horaires : " + (hours.map { French.hours($0.week(startingOn: now.monday)) } ?? text) } }
        }
    }
}
