import Hummingbird
import Maillage

/// `/orienter`: where to send a person for a need, nearest first, each relay with its referral sheet
/// (`/orienter/fiche`); starting from the coordinator's own place (`depuis`), the referral chains
/// that lead there. Only GET requests: nothing about the person is stored.
struct OrientationRoutes: Sendable {
    let live: LiveSnapshot
    let store: Store
    let now: @Sendable () -> LocalDateTime

    func add(to router: Router<WebContext>) {
        router.get("orienter") { request, _ in try orient(QueryString(request.uri.query)) }
        router.get("orienter/fiche") { request, _ in
            let query = try QueryString(request.uri.query)
            let profile = try store.profile(of: try query.required("lieu"))
            let snapshot = live.current
            let service = try query.text("service").map { try snapshot.catalog.service(named: $0) }
            let host = request.head.authority ?? "127.0.0.1:8080"
            let address = "\(EditorRoutes.isSecure(request) ? "https" : "http")://\(host)/lieux/\(encode(profile.id))"
            return Responses.html(ReferralSheet(profile: profile, serviceLabel: service.map { snapshot.catalog.labels[$0] },
                                                              toBring: service.map(snapshot.catalog.whatToBring) ?? [], today: now(), pageAddress: address).render())
        }
    }

    private func orient(_ query: QueryString) throws -> Response {
        let snapshot = live.current
        guard query.text("service") != nil, query.text("commune") != nil else {
            return Responses.html(Layout.page(title: "Orienter une personne", lead: "Trouvez le relais pour son besoin, puis imprimez sa fiche.") {
                SearchForm(snapshot: snapshot, asked: query, action: "/orienter").render()
            })
        }
        let (answer, choice) = try ResultsPage.answer(query, in: snapshot)
        let service = try query.required("service")
        let label = snapshot.catalog.labels[try snapshot.catalog.service(named: service)]
        var chains: [ReferralChain] = []
        if let start = query.text("depuis") {
            chains = (try? ReferralPaths.chains(in: snapshot.graph, catalog: snapshot.catalog, from: start, service: service, maxHops: 4)) ?? []
        }
        return Responses.html(Layout.page(title: "Orienter : \(label)") {
            if case .choose(let communes) = choice {
                tag("p") { "Plusieurs communes correspondent : " }
                tag("ul") {
                    for commune in communes {
                        tag("li") { tag("a", ["href": link("/orienter", query.replacing("commune", with: commune.code))]) { "\(commune.nom) (\(commune.code))" } }
                    }
                }
            }
            if case .unknown(let text) = choice { tag("p", ["class": "error"]) { FrenchMessages.describe(QueryError.unknownCommune(text)) } }
            if !chains.isEmpty {
                tag("h2") { "Depuis votre lieu" }
                tag("ol") {
                    for chain in chains.prefix(3) {
                        tag("li") {
                            for (index, (id, name)) in zip(chain.path, chain.names).enumerated() {
                                if index > 0 { " → " }
                                PageParts.profileLink(id, name: name)
                            }
                            " (\(chain.hops) étape\(chain.hops > 1 ? "s" : ""))"
                        }
                    }
                }
            }
            if let answer {
                tag("h2") { "Les relais, le plus proche d'abord" }
                tag("ol", ["class": "results"]) {
                    for relay in answer.relays.prefix(20) where relay.kind == .place {
                        tag("li") {
                            tag("div", ["class": "result-head"]) {
                                tag("h3") { PageParts.profileLink(relay.id, name: relay.nom) }
                                if let distance = relay.distanceKm { tag("span", ["class": "distance"]) { French.distance(distance) } }
                            }
                            tag("p") { tag("a", ["class": "button", "href": link("/orienter/fiche", [("lieu", relay.id), ("service", service)])]) { "Préparer la fiche" } }
                        }
                    }
                }
            }
        })
    }
}
