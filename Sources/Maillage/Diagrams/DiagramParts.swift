import Foundation

/// The pieces every diagram kind shares: relay nodes with their service chips, referral and
/// works-at edges, clusters by commune or EPCI, the title and the legend.
struct DiagramParts {
    let source: DiagramSource
    private(set) var actorTypesShown: Set<String> = []
    private(set) var servicesShown: Set<String> = []
    private(set) var placesShown = false

    init(source: DiagramSource) {
        self.source = source
    }

    private var graph: GraphProjection { source.graph }

    /// The places of the communes in `communes` (active, ordered by id).
    func places(in communes: Set<Int32>) -> [Int] {
        graph.publicIds.indices.filter { graph.kinds[$0] == .place && graph.active[$0] && communes.contains(graph.commune[$0]) }
    }

    /// Active intermediaries working at each place.
    func workers() -> [Int: [Int]] {
        var workers: [Int: [Int]] = [:]
        for intermediary in 0..<graph.worksAt.count where graph.active[intermediary] {
            for place in graph.worksAt.neighbours(of: intermediary) { workers[Int(place), default: []].append(intermediary) }
        }
        return workers
    }

    /// A place or intermediary as a node: its name (shortened), its type and headcount for an
    /// intermediary, and one chip per national service it relays; the full name as tooltip.
    mutating func node(_ index: Int, services: Set<Int>, emphasis: Bool = false, muted: Bool = false) -> DOTGraph.Node {
        let name = graph.names[index]
        var rows = ["<TR><TD COLSPAN=\"9\"><B>\(DOTText.html(DOTText.shortened(name)))</B></TD></TR>"]
        var attributes: DOTGraph.Attributes = [
            "tooltip": .text(DOTText.shortened(name, to: 300) + " (" + DOTText.shortened(graph.publicIds[index], to: 120) + ")"),
        ]
        let look: DiagramStyle.Look
        if graph.kinds[index] == .intermediary {
            let type = graph.actorType[index]
            look = DiagramStyle.look(ofActorType: type)
            actorTypesShown.insert(type)
            let headcount = graph.headcount[index] >= 0 ? " · \(graph.headcount[index])" : ""
            rows.append("<TR><TD COLSPAN=\"9\"><FONT POINT-SIZE=\"9\">\(DOTText.html(source.actorTypeLabels[type] ?? type))\(headcount)</FONT></TD></TR>")
        } else {
            look = DiagramStyle.place
            placesShown = true
            attributes["style"] = .text(muted ? "rounded,filled,dashed" : "rounded,filled")
        }
        let chips = chipCells(services)
        if !chips.isEmpty { rows.append("<TR>\(chips)</TR>") }
        attributes["label"] = .html("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">\(rows.joined())</TABLE>")
        attributes["shape"] = .raw(look.shape)
        attributes["fillcolor"] = .text(muted ? "#eeeeee" : look.fill)
        if graph.kinds[index] == .intermediary { attributes["style"] = .text(muted ? "filled,dashed" : "filled") }
        if muted { attributes["fontcolor"] = .text("#555555") }
        if emphasis {
            attributes["penwidth"] = .raw("3")
            attributes["peripheries"] = .raw("2")
        }
        return DOTGraph.Node(id: graph.publicIds[index], attributes: attributes)
    }

    /// The chips of the national services above `services`, in the national order.
    private mutating func chipCells(_ services: Set<Int>) -> String {
        let national = Set(services.map { graph.serviceSlugs[source.nationalService(of: $0)] })
        return DiagramStyle.serviceChips.filter { national.contains($0.slug) }.map { chip in
            servicesShown.insert(chip.slug)
            return "<TD BGCOLOR=\"\(chip.colour)\"><FONT POINT-SIZE=\"8\" COLOR=\"white\">\(chip.code)</FONT></TD>"
        }.joined()
    }

    /// Refers-to edges among `nodes`, one per ordered pair (weights summed), pen width growing with the weight.
    func referralEdges(among nodes: Set<Int>, keep: (Int, Int, GraphProjection.Referral) -> Bool = { _, _, _ in true }) -> [DOTGraph.Edge] {
        var weights: [Pair: Double] = [:]
        for source in nodes {
            for edge in graph.referrals.edges(of: source) {
                let target = Int(graph.referrals.targets[edge])
                guard nodes.contains(target), keep(source, target, graph.referrals.values[edge]) else { continue }
                weights[Pair(from: source, to: target), default: 0] += graph.referrals.values[edge].weight
            }
        }
        return weights.sorted { (graph.publicIds[$0.key.from], graph.publicIds[$0.key.to]) < (graph.publicIds[$1.key.from], graph.publicIds[$1.key.to]) }
            .map { pair, weight in
                DOTGraph.Edge(from: graph.publicIds[pair.from], to: graph.publicIds[pair.to], attributes: [
                    "penwidth": .raw(String(format: "%.1f", min(6, 1 + 1.5 * log2(1 + weight)))),
                    "tooltip": .text("oriente vers · poids \(Self.number(weight))"),
                ])
            }
    }

    /// Dotted "works at" edges from each intermediary in `nodes` to its places in `nodes`.
    func worksAtEdges(among nodes: Set<Int>) -> [DOTGraph.Edge] {
        nodes.sorted { graph.publicIds[$0] < graph.publicIds[$1] }.flatMap { intermediary -> [DOTGraph.Edge] in
            guard graph.kinds[intermediary] == .intermediary else { return [] }
            return graph.worksAt.neighbours(of: intermediary).map(Int.init).filter(nodes.contains).sorted { graph.publicIds[$0] < graph.publicIds[$1] }.map { place in
                DOTGraph.Edge(from: graph.publicIds[intermediary], to: graph.publicIds[place],
                              attributes: ["style": .text("dotted"), "arrowhead": .raw("none"), "color": .text("#777777")])
            }
        }
    }

    /// The cluster a node is drawn in: its commune, or (`byEpci`) its commune's EPCI; an
    /// intermediary goes with its first workplace among `nodes`.
    func clusterKey(of node: Int, among nodes: Set<Int>, byEpci: Bool) -> (key: String, label: String)? {
        var place = node
        if graph.kinds[node] == .intermediary {
            guard let first = graph.worksAt.neighbours(of: node).map(Int.init).filter(nodes.contains).min(by: { graph.publicIds[$0] < graph.publicIds[$1] }) else { return nil }
            place = first
        }
        let commune = graph.commune[place]
        guard commune >= 0, let row = source.territories.communeRow(code: graph.communeCodes[Int(commune)]) else { return nil }
        if byEpci {
            let epci = row.epci ?? "sans-epci"
            return ("epci:" + epci, row.epci.map { source.territories.name(of: $0, at: .epci) } ?? "Hors EPCI")
        }
        return ("commune:" + row.code, "\(row.nom) (\(row.code))")
    }

    /// Puts nodes into clusters (ordered by key) and the rest at the top level.
    func arrange(_ nodes: [(node: DOTGraph.Node, cluster: (key: String, label: String)?)], into graph: inout DOTGraph) {
        var clusters: [String: DOTGraph.Subgraph] = [:]
        for (node, cluster) in nodes {
            guard let cluster else { graph.nodes.append(node); continue }
            clusters[cluster.key, default: DOTGraph.Subgraph(name: "cluster_" + cluster.key, attributes: [
                "label": .text(DOTText.shortened(cluster.label, to: 60)), "style": .text("rounded,filled"), "fillcolor": .text("#fbfbf4"),
                "color": .text("#b8b8a8"), "fontsize": .raw("12"),
            ])].nodes.append(node)
        }
        graph.subgraphs += clusters.keys.sorted().compactMap { clusters[$0] }
    }

    /// The title: what, where, which service, and the date of the newest data shown.
    func title(_ what: String, nodes: some Sequence<Int>) -> String {
        let date = nodes.compactMap { source.dateMaj[$0] }.max()
        return what + " — données au " + (date ?? "(date inconnue)")
    }

    /// The legend, a cluster: a sample node for each kind of place or intermediary shown (its
    /// very shape and colour), and a table of the service chips and edge styles.
    func legend(extra: [(colour: String, text: String)] = []) -> DOTGraph.Subgraph {
        var legend = DOTGraph.Subgraph(name: "cluster_legende", attributes: [
            "label": .text("Légende"), "style": .text("rounded"), "color": .text("#999999"), "fontsize": .raw("12"),
        ])
        var samples: [(look: DiagramStyle.Look, text: String)] = placesShown ? [(DiagramStyle.place, "Lieu de médiation")] : []
        for type in actorTypesShown.sorted(by: { (source.actorTypeLabels[$0] ?? $0) < (source.actorTypeLabels[$1] ?? $1) }) {
            samples.append((DiagramStyle.look(ofActorType: type), source.actorTypeLabels[type] ?? type))
        }
        for item in extra { samples.append((DiagramStyle.Look(shape: "box", fill: item.colour), item.text)) }
        for (index, sample) in samples.enumerated() {
            legend.nodes.append(.init(id: "legende-\(index)", attributes: [
                "shape": .raw(sample.look.shape), "fillcolor": .text(sample.look.fill), "label": .text(sample.text),
                "style": .text(sample.look.shape == "box" ? "rounded,filled" : "filled"), "fontsize": .raw("9"),
            ]))
        }
        var rows: [String] = []
        for chip in DiagramStyle.serviceChips where servicesShown.contains(chip.slug) {
            let label = graph.service(chip.slug).map { source.serviceLabels[$0] } ?? chip.slug
            rows.append("<TR><TD BGCOLOR=\"\(chip.colour)\"><FONT COLOR=\"white\" POINT-SIZE=\"9\">\(chip.code)</FONT></TD><TD ALIGN=\"LEFT\">\(DOTText.html(label))</TD></TR>")
        }
        rows.append("<TR><TD><B>→</B></TD><TD ALIGN=\"LEFT\">Oriente vers (épaisseur : nombre d&#39;orientations)</TD></TR>")
        rows.append("<TR><TD><FONT COLOR=\"#777777\">┄</FONT></TD><TD ALIGN=\"LEFT\">Travaille dans ce lieu</TD></TR>")
        legend.nodes.append(.init(id: "legende-table", attributes: [
            "shape": .raw("plaintext"), "style": .text("solid"), "fontsize": .raw("9"),
            "label": .html("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\">\(rows.joined())</TABLE>"),
        ]))
        return legend
    }

    /// A number without trailing zeros.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// "le mardi 1er décembre 2026 à 10 h 30", for titles.
    static func moment(_ moment: LocalDateTime) -> String {
        "le \(day(moment)) à \(moment.hour) h \(String(format: "%02d", moment.minute))"
    }

    /// "mardi 1er décembre 2026".
    static func day(_ date: LocalDateTime) -> String {
        let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        return "\(weekdays[date.weekday - 1]) \(date.day == 1 ? "1er" : String(date.day)) \(months[date.month - 1]) \(date.year)"
    }

    /// The graph-wide attributes shared by the network kinds.
    static func networkAttributes(title: String) -> DOTGraph.Attributes {
        [
            "label": .text(title), "labelloc": .raw("t"), "fontsize": .raw("18"), "fontname": .text("Helvetica"),
            "rankdir": .raw("LR"), "compound": .raw("true"), "newrank": .raw("true"), "overlap": .text("scale"), "splines": .text("true"),
            "outputorder": .text("edgesfirst"), "charset": .text("UTF-8"), "bgcolor": .text("white"), "pad": .raw("0.3"),
        ]
    }

    static let nodeDefaults: DOTGraph.Attributes = ["fontname": .text("Helvetica"), "fontsize": .raw("10"), "style": .text("filled"), "margin": .text("0.05,0.03")]
    static let edgeDefaults: DOTGraph.Attributes = ["arrowsize": .raw("0.7"), "color": .text("#444444")]

    private struct Pair: Hashable {
        var from: Int
        var to: Int
    }
}
