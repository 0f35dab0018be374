/// The network as `maillage export graph` writes it, for Gephi, Kumu, yEd or a spreadsheet: nodes
/// with their attributes and network measures, directed edges with theirs.
///
/// - `referrals`: places and intermediaries, linked by works-at (intermediary → place) and
///   referral edges; each node carries the measures of `maillage network --level intermediaries`
///   (the referral edges taken undirected): degree, betweenness, core number and community.
/// - `services`: the bipartite graph of relays and the services they relay ("who relays what");
///   each node carries its degree there.
public struct ExportedGraph: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case referrals, services }

    public struct Node: Sendable, Equatable {
        public var id: String
        public var label: String
        /// `place`, `intermediary` or `service`.
        public var kind: String
        /// An intermediary's actor type, a place's typologie (data·inclusion code), a service's level.
        public var type: String?
        public var codeInsee: String?
        /// Where it is: a place's coordinates (its commune's centroid when it has none of its
        /// own), an intermediary's first place's; nil when unknown.
        public var latitude: Double?
        public var longitude: Double?
        public var headcount: Int?
        /// The labels of the services it relays, `|`-separated in the taxonomy's order.
        public var services: String?
        public var degree: Int
        /// The referrals graph's measures; nil in the services graph.
        public var betweenness: Double?
        public var coreNumber: Int?
        /// Louvain community, numbered from 0 (the largest) as `maillage network` lists them.
        public var community: Int?
    }

    public struct Edge: Sendable, Equatable {
        public var id: String
        public var source: String
        public var target: String
        /// `works_at`, `referral` or `relays`.
        public var kind: String
        public var weight: Double
        /// A referral's service label, when it is for one.
        public var service: String?
        /// For `relays`: offered remotely.
        public var remote: Bool?
    }

    public var kind: Kind
    public var nodes: [Node]
    public var edges: [Edge]
}

/// A value of a node's or edge's attribute, typed as GraphML and GEXF declare it.
public enum GraphAttributeValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case boolean(Bool)

    /// The value as the XML formats and CSV write it: doubles in Swift's shortest form that reads back exactly.
    public var text: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): number.description
        case .boolean(let flag): flag ? "true" : "false"
        }
    }
}

/// The type of an attribute, by GraphML's names (`attr.type`).
public enum GraphAttributeType: String, Sendable { case string, int, double, boolean }

/// One attribute of the export: its name in every format, its type, and how to read it off an element.
public struct GraphAttribute<Element>: Sendable {
    public let name: String
    public let type: GraphAttributeType
    public let value: @Sendable (Element) -> GraphAttributeValue?

    public init(name: String, type: GraphAttributeType, value: @escaping @Sendable (Element) -> GraphAttributeValue?) {
        self.name = name
        self.type = type
        self.value = value
    }
}

extension ExportedGraph {
    /// What the graph holds, in a sentence (the files' description).
    public var summary: String {
        switch kind {
        case .referrals: "maillage: places and intermediaries, works-at and referral edges, with the referral network's measures"
        case .services: "maillage: relays and the services they relay"
        }
    }

    /// The node attributes this graph's kind carries, in the order every format writes them.
    public var nodeAttributes: [GraphAttribute<Node>] {
        var attributes: [GraphAttribute<Node>] = [
            .init(name: "public_id", type: .string) { .string($0.id) },
            .init(name: "kind", type: .string) { .string($0.kind) },
            .init(name: "type", type: .string) { $0.type.map(GraphAttributeValue.string) },
            .init(name: "code_insee", type: .string) { $0.codeInsee.map(GraphAttributeValue.string) },
            .init(name: "latitude", type: .double) { $0.latitude.map(GraphAttributeValue.double) },
            .init(name: "longitude", type: .double) { $0.longitude.map(GraphAttributeValue.double) },
            .init(name: "headcount", type: .int) { $0.headcount.map(GraphAttributeValue.int) },
            .init(name: "services", type: .string) { $0.services.map(GraphAttributeValue.string) },
            .init(name: "degree", type: .int) { .int($0.degree) },
        ]
        if kind == .referrals {
            attributes += [
                .init(name: "betweenness", type: .double) { $0.betweenness.map(GraphAttributeValue.double) },
                .init(name: "core_number", type: .int) { $0.coreNumber.map(GraphAttributeValue.int) },
                .init(name: "community", type: .int) { $0.community.map(GraphAttributeValue.int) },
            ]
        }
        return attributes
    }

    /// The edge attributes this graph's kind carries.
    public var edgeAttributes: [GraphAttribute<Edge>] {
        var attributes: [GraphAttribute<Edge>] = [
            .init(name: "kind", type: .string) { .string($0.kind) },
            .init(name: "weight", type: .double) { .double($0.weight) },
        ]
        switch kind {
        case .referrals: attributes.append(.init(name: "service", type: .string) { $0.service.map(GraphAttributeValue.string) })
        case .services: attributes.append(.init(name: "remote", type: .boolean) { $0.remote.map(GraphAttributeValue.boolean) })
        }
        return attributes
    }
}
