/// A DOT document built in memory and written deterministically: attributes sorted by name,
/// statements in the order added (callers add them in a stable order), so that the same data
/// gives the same text byte for byte.
public struct DOTGraph: Sendable, Equatable {
    /// An attribute value: a quoted string, or an HTML-like label written between `<` and `>`.
    public enum Value: Sendable, Equatable {
        case text(String)
        case html(String)
        /// A number or keyword written bare (`2.5`, `true`, `LR`); never user text.
        case raw(String)

        var written: String {
            switch self {
            case .text(let text): DOTText.shown(text)
            case .html(let markup): "<\(markup)>"
            case .raw(let token): token
            }
        }
    }

    public typealias Attributes = [String: Value]

    public struct Node: Sendable, Equatable {
        public var id: String
        public var attributes: Attributes
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        public var attributes: Attributes
    }

    /// A subgraph; a cluster (drawn as a box) when its name starts with `cluster`.
    public struct Subgraph: Sendable, Equatable {
        public var name: String
        public var attributes: Attributes = [:]
        public var nodes: [Node] = []

        public init(name: String, attributes: Attributes = [:]) {
            self.name = name
            self.attributes = attributes
        }
    }

    public var name: String
    public var directed = true
    public var graphAttributes: Attributes = [:]
    public var nodeDefaults: Attributes = [:]
    public var edgeDefaults: Attributes = [:]
    public var subgraphs: [Subgraph] = []
    public var nodes: [Node] = []
    public var edges: [Edge] = []

    public init(name: String) {
        self.name = name
    }

    public var nodeCount: Int { nodes.count + subgraphs.reduce(0) { $0 + $1.nodes.count } }

    /// The DOT text.
    public var text: String {
        var lines = ["\(directed ? "digraph" : "graph") \(DOTText.quoted(name)) {"]
        if !graphAttributes.isEmpty { lines.append("  graph \(Self.list(graphAttributes));") }
        if !nodeDefaults.isEmpty { lines.append("  node \(Self.list(nodeDefaults));") }
        if !edgeDefaults.isEmpty { lines.append("  edge \(Self.list(edgeDefaults));") }
        for subgraph in subgraphs {
            lines.append("  subgraph \(DOTText.quoted(subgraph.name)) {")
            if !subgraph.attributes.isEmpty { lines.append("    graph \(Self.list(subgraph.attributes));") }
            for node in subgraph.nodes { lines.append("    " + Self.statement(node)) }
            lines.append("  }")
        }
        for node in nodes { lines.append("  " + Self.statement(node)) }
        let arrow = directed ? "->" : "--"
        for edge in edges {
            lines.append("  \(DOTText.quoted(edge.from)) \(arrow) \(DOTText.quoted(edge.to))\(edge.attributes.isEmpty ? "" : " " + Self.list(edge.attributes));")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func statement(_ node: Node) -> String {
        DOTText.quoted(node.id) + (node.attributes.isEmpty ? "" : " " + list(node.attributes)) + ";"
    }

    private static func list(_ attributes: Attributes) -> String {
        "[" + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.written)" }.joined(separator: ", ") + "]"
    }
}

extension DOTGraph {
    /// The graph with a `URL` on each node `link` gives one for (Graphviz writes it as a link in SVG
    /// and as a map area elsewhere), `target` set so that a click leaves an embedding frame.
    public func linking(_ link: (String) -> String?) -> DOTGraph {
        var linked = self
        func add(_ node: inout Node) {
            guard let url = link(node.id) else { return }
            node.attributes["URL"] = .text(url)
            node.attributes["target"] = .text("_top")
        }
        for index in linked.nodes.indices { add(&linked.nodes[index]) }
        for subgraph in linked.subgraphs.indices {
            for index in linked.subgraphs[subgraph].nodes.indices { add(&linked.subgraphs[subgraph].nodes[index]) }
        }
        return linked
    }
}
