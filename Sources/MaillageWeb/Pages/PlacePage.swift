import Maillage

/// `/lieux/{id}`: a place or an intermediary, by any of its source ids: services, opening hours
/// for this week, contacts, labels, the people there, referrals in and out, its neighbourhood
/// diagram, when and where its data comes from, and the data-quality warnings about it.
struct PlacePage {
    let profile: NodeProfile
    let snapshot: Snapshot
    let now: LocalDateTime
    /// The inline SVG of its neighbourhood, or why there is none.
    let diagram: Result<String, any Error>
    let problems: [QualityProblem]
    /// For an editor: the editable fields as shown, and a refused form sent back.
    var editable: EditableValues? = nil
    var echo: FormEcho? = nil
    /// The token of the report form, and whether a report was just sent.
    var reportToken = ""
    var reportSent = false

    func render() -> HTML {
        let name = profile.nom ?? profile.id
        let typeLabel = profile.type.map { snapshot.diagramSource.actorTypeLabels[$0] ?? $0 }
        let kind = profile.kind == .place ? "Lieu" : (typeLabel ?? "Intervenant")
        let where_ = profile.commune ?? profile.codeInsee.flatMap { snapshot.territories.communeRow(code: $0)?.nom }
        return Layout.page(title: name, lead: HTML(kind + (where_.map { " à \($0)" } ?? "") + (profile.active ? "" : " — inactif"))) {
            freshness()
            if profile.kind == .place {
                tag("p") {
                    tag("a", ["class": "button", "href": link("/orienter/fiche", [("lieu", profile.id)])]) { "Orienter une personne vers ce lieu" }
                    " "
                    tag("a", ["href": link("/orienter", [("depuis", profile.id)])]) { "Orienter depuis ce lieu" }
                }
            }
            facts()
            if !profile.services.isEmpty {
                tag("h2") { "Services relayés" }
                tag("ul") {
                    for service in profile.services { tag("li") { service.label + (service.remote ? " (aussi à distance)" : "") } }
                }
            }
            hours()
            people()
            referrals()
            tag("h2") { "Voisinage dans le réseau" }
            PageParts.diagram(try? diagram.get(), caption: "Ce lieu ou cet intervenant, ceux qui y travaillent et les orientations à un pas.",
                              failure: "Le schéma n'a pas pu être dessiné.",
                              downloads: [("SVG", "/lieux/\(encode(profile.id))/schema.svg"), ("PNG", "/lieux/\(encode(profile.id))/schema.png")])
            warnings()
            if profile.kind == .place { ReportForm(place: profile.id, csrf: reportToken, sent: reportSent).render() }
            if let editable {
                EditForm(shown: editable, echo: echo, actorTypes: EditForm.actorTypes(snapshot)).render()
                CreationForms(snapshot: snapshot, echo: echo).referral(from: profile)
            }
            tag("p", ["class": "muted"]) {
                "Mêmes données en JSON : "
                tag("a", ["href": "/api/places/" + encode(profile.id)]) { "/api/places/\(profile.id)" }
            }
        }
    }

    /// "Dernière mise à jour le … · source(s) …", marked when older than 12 months.
    private func freshness() -> HTML {
        let node = snapshot.graph.node(profile.id)
        let date = node.flatMap { snapshot.diagramSource.dateMaj[$0] }
        let sources = profile.records.isEmpty ? [profile.source] : Array(Set(profile.records.map(\.source))).sorted()
        let yearAgo = LocalDateTime(year: now.year - 1, month: now.month, day: now.day).isoDate
        return tag("p") {
            if let date {
                "Dernière mise à jour le \(French.date(date))"
                if date < yearAgo { " "; tag("span", ["class": "badge old"]) { "plus d'un an" } }
                " · "
            }
            (sources.count > 1 ? "sources : " : "source : ") + sources.joined(separator: ", ")
        }
    }

    private func facts() -> HTML {
        tag("dl", ["class": "facts"]) {
            if let adresse = profile.adresse { tag("dt") { "Adresse" }; tag("dd") { adresse } }
            if let code = profile.codeInsee {
                tag("dt") { "Commune" }
                tag("dd") { tag("a", ["href": "/communes/" + encode(code)]) { (profile.commune ?? snapshot.territories.communeRow(code: code)?.nom ?? code) + " (\(code))" } }
            }
            if let telephone = profile.telephone {
                tag("dt") { "Téléphone" }
                tag("dd") { tag("a", ["href": "tel:" + telephone.filter { $0.isNumber || $0 == "+" }]) { telephone } }
            }
            if !profile.courriels.isEmpty {
                tag("dt") { "Courriel" }
                tag("dd") { for mail in profile.courriels { tag("a", ["href": "mailto:" + mail]) { mail }; " " } }
            }
            if !profile.siteWeb.isEmpty {
                tag("dt") { "Site web" }
                tag("dd") {
                    for site in profile.siteWeb {
                        // Only web addresses become links: a `javascript:` value stays text.
                        if site.lowercased().hasPrefix("https://") || site.lowercased().hasPrefix("http://") {
                            tag("a", ["href": site, "rel": "nofollow noopener"]) { site }
                        } else { site }
                        " "
                    }
                }
            }
            if !profile.programmes.isEmpty { tag("dt") { "Labels et dispositifs" }; tag("dd") { profile.programmes.joined(separator: ", ") } }
            if !profile.zone.isEmpty { tag("dt") { "Zone d'intervention" }; tag("dd") { profile.zone.joined(separator: ", ") } }
            if let headcount = profile.headcount { tag("dt") { "Effectif" }; tag("dd") { "\(headcount) personne\(headcount > 1 ? "s" : "")" } }
            if !profile.records.isEmpty {
                tag("dt") { "Fiches sources" }
                tag("dd") { profile.records.map { "\($0.id) (\($0.source))" }.joined(separator: ", ") }
            }
        }
    }

    /// This week's opening hours as a table, today marked; the text as given when it cannot be read.
    private func hours() -> HTML {
        guard let text = profile.horaires else { return HTML() }
        guard let hours = try? OpeningHours(parsing: text) else {
            return fragment {
                tag("h2") { "Horaires" }
                tag("p") { text }
                tag("p", ["class": "notice"]) { "Ces horaires ne suivent pas le format attendu : ils sont affichés tels quels." }
            }
        }
        let week = hours.week(startingOn: now.monday)
        return fragment {
            tag("h2") { "Horaires" }
            tag("div", ["class": "table-wrap"]) {
                tag("table") {
                    tag("caption") { "Semaine du \(French.date(week[0].date.isoDate))" }
                    tag("tbody") {
                        for (index, day) in week.enumerated() {
                            let today = day.date == now.date
                            tag("tr", ["class": today ? "today" : nil]) {
                                tag("th", ["scope": "row"]) {
                                    French.weekdays[index].capitalized + " \(day.date.day)"
                                    if today { " (aujourd'hui)" }
                                }
                                tag("td") {
                                    day.intervals.isEmpty ? (day.unknown ? "non précisé" : "fermé")
                                        : day.intervals.map { "\(French.time($0.lowerBound)) – \(French.time($0.upperBound))" }.joined(separator: ", ")
                                    if !day.comments.isEmpty { " (" + day.comments.joined(separator: ", ") + ")" }
                                }
                            }
                        }
                    }
                }
            }
            tag("p", ["class": "muted"]) { "Horaires déclarés : " + text }
        }
    }

    /// The intermediaries working at a place, by type; or the places an intermediary works at.
    private func people() -> HTML {
        guard !profile.worksWith.isEmpty else { return HTML() }
        if profile.kind == .intermediary {
            return fragment {
                tag("h2") { "Lieux où intervenir" }
                tag("ul") { for place in profile.worksWith { tag("li") { PageParts.profileLink(place.id, name: place.nom ?? place.id) } } }
            }
        }
        let byType = Dictionary(grouping: profile.worksWith) { $0.type ?? "" }
        return fragment {
            tag("h2") { "Les intervenants sur place" }
            for type in byType.keys.sorted() {
                tag("h3") { snapshot.diagramSource.actorTypeLabels[type] ?? (type.isEmpty ? "Autres" : type) }
                tag("ul") {
                    for person in byType[type] ?? [] {
                        tag("li") {
                            PageParts.profileLink(person.id, name: person.nom ?? person.id)
                            if let headcount = person.headcount { " — \(headcount) personne\(headcount > 1 ? "s" : "")" }
                            if !person.services.isEmpty { " · " + person.services.joined(separator: ", ") }
                        }
                    }
                }
            }
        }
    }

    private func referrals() -> HTML {
        guard !profile.refersTo.isEmpty || !profile.referredFrom.isEmpty else { return HTML() }
        func list(_ referrals: [NodeProfile.Referral], removable: Bool = false) -> HTML {
            tag("ul") {
                for referral in referrals {
                    tag("li") {
                        PageParts.profileLink(referral.id, name: referral.nom ?? referral.id)
                        if let service = referral.service { " — " + service }
                        if removable { removeButton(to: referral.id) }
                    }
                }
            }
        }
        return fragment {
            tag("h2") { "Orientations" }
            if !profile.refersTo.isEmpty { tag("h3") { "Oriente vers" }; list(profile.refersTo, removable: editable != nil) }
            if !profile.referredFrom.isEmpty { tag("h3") { "Reçoit des personnes orientées par" }; list(profile.referredFrom) }
        }
    }

    /// For an editor: removes every referral from this node to `target`.
    private func removeButton(to target: String) -> HTML {
        guard let csrf = Visitor.current.csrf else { return HTML() }
        return tag("form", ["class": "inline", "action": "/orientations/retirer", "method": "post"]) {
            tag("input", ["type": "hidden", "name": "csrf", "value": csrf])
            tag("input", ["type": "hidden", "name": "from", "value": profile.id])
            tag("input", ["type": "hidden", "name": "to", "value": target])
            " "
            tag("button", ["type": "submit", "class": "small"]) { "Retirer" }
        }
    }

    private func warnings() -> HTML {
        guard !problems.isEmpty else { return HTML() }
        return fragment {
            tag("h2") { "Qualité des données" }
            tag("ul") {
                for problem in problems {
                    tag("li") { FrenchMessages.describe(problem) + (problem.id == profile.id ? "" : " (fiche \(problem.id))") }
                }
            }
        }
    }
}
