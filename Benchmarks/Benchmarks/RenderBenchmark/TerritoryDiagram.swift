import BenchmarkSupport
import Foundation

/// A synthetic territory diagram in DOT, drawn the same on every run: places and intermediaries in
/// one cluster per commune (16 nodes each), 1.5 referral edges per node, seven in ten within the
/// commune, labels of two lines with accents, and overlap removal on.
struct TerritoryDiagram: Sendable {
    let nodes: Int
    let edges: Int
    let text: String

    init(nodes: Int, seed: UInt64 = 42) {
        var random = SplitMix64(state: seed)
        let communes = max(1, nodes / 16)
        var members = Array(repeating: [Int](), count: communes)
        for node in 0..<nodes { members[node % communes].append(node) }

        var lines = [
            "digraph territoire {",
            "  graph [fontname=\"Helvetica\", overlap=false];",
            "  node [fontname=\"Helvetica\", fontsize=10];",
        ]
        for (commune, nodes) in members.enumerated() {
            lines.append("  subgraph cluster_c\(commune) { label=\"Commune 07\(String(format: "%03d", commune))\";")
            for node in nodes {
                lines.append(node % 3 == 0
                    ? "    n\(node) [label=\"Conseiller·e numérique \(node)\", shape=ellipse];"
                    : "    n\(node) [label=\"Lieu de médiation \(node)\\nCAF, ANTS, impôts\", shape=box];")
            }
            lines.append("  }")
        }
        var seen = Set<[Int]>()
        var edges: [(Int, Int)] = []
        while edges.count < nodes * 3 / 2 {
            let from = Int.random(in: 0..<nodes, using: &random)
            let local = Double.random(in: 0..<1, using: &random) < 0.7
            let to = local ? members[from % communes].randomElement(using: &random) ?? from : Int.random(in: 0..<nodes, using: &random)
            if from != to, seen.insert([from, to]).inserted { edges.append((from, to)) }
        }
        lines += edges.map { "  n\($0.0) -> n\($0.1);" }
        lines.append("}")
        self.nodes = nodes
        self.edges = edges.count
        self.text = lines.joined(separator: "\n") + "\n"
    }

    /// Writes the diagram to the temporary folder, for the `dot` program, and returns the path.
    func write() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("maillage-territory-\(nodes).dot").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
