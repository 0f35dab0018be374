import Foundation

/// DOT texts for the tests, as the diagram builders would hand them over (already escaped).
///
/// Every graph is named: Graphviz names an anonymous graph `%N` from a process-wide counter of
/// anonymous objects, so its SVG title and JSON name change from one render to the next.
enum Fixtures {
    /// Three places and a referral loop, every node pinned, so that every engine (pinned included)
    /// can lay it out: a at (0, 0), b at (100, 50), c at (200, 0), in points (`inputscale=72` makes
    /// neato and fdp read them in points too, as pinned always does, rather than in inches).
    static func small() -> String {
        """
        digraph territoire {
          graph [inputscale=72];
          node [shape=box, fontname="Helvetica"];
          subgraph cluster_07186 { label="Privas"; a [label="France Services", pos="0,0!"]; b [label="Médiathèque", pos="100,50!"]; }
          c [label="Centre social", pos="200,0!"];
          a -> b [label="oriente"]; b -> c; c -> a;
        }
        """
    }

    /// `count` nodes without edges or labels: parsed and laid out in no time at any size.
    static func isolatedNodes(_ count: Int) -> String {
        "digraph isolated {\n" + (0..<count).map { "n\($0);\n" }.joined() + "}\n"
    }

    /// A chain of `nodes` nodes plus `extraEdges` parallel edges on the first pair.
    static func chain(nodes: Int, extraEdges: Int = 0) -> String {
        var lines = (1..<max(nodes, 1)).map { "n\($0 - 1) -> n\($0);" }
        lines += Array(repeating: "n0 -> n1;", count: extraEdges)
        return "digraph chain {\n" + lines.joined(separator: "\n") + "\n}\n"
    }

    /// Labels that a careless builder would break: escaped quotes and backslashes, markup
    /// characters, escaped newlines, emoji, a 500-character name.
    static func awkwardLabels() -> String {
        let long = String(repeating: "Maison France Services ", count: 22).prefix(500)
        return #"""
        digraph labels {
          q [label="L'« Espace \"Numérique\" »"];
          s [label="C:\\Users\\aidant \\ fin"];
          m [label="<b>Lieu</b> & co > 3 < 4"];
          n [label="Ligne 1\nLigne 2\lLigne 3\r"];
          e [label="Aidants Connect 🤝👩🏽‍💻"];
          l [label="\#(long)"];
          q -> s -> m -> n -> e -> l;
        }
        """#
    }

    /// An HTML-like label: a table with an escaped ampersand and a line break.
    static func htmlTable() -> String {
        """
        digraph table {
          node [shape=plaintext];
          lieu [label=<<table border="0" cellborder="1" cellspacing="0">
            <tr><td bgcolor="lightblue"><b>Médiathèque &amp; Cie</b></td></tr>
            <tr><td align="left">CAF<br/>ANTS</td></tr>
          </table>>];
          lieu -> autre;
        }
        """
    }

    /// A territory in miniature: `communes` clusters of `places` places, each place referring to the
    /// next one in its commune and every third one to a place in the next commune.
    static func clustered(communes: Int = 8, places: Int = 6) -> String {
        var lines = ["digraph territoire {", "  node [shape=box];"]
        for commune in 0..<communes {
            lines.append("  subgraph cluster_\(commune) { label=\"Commune \(commune)\";")
            lines += (0..<places).map { "    p\(commune)_\($0) [label=\"Lieu \(commune).\($0)\"];" }
            lines.append("  }")
        }
        for commune in 0..<communes {
            for place in 0..<places {
                if place + 1 < places { lines.append("  p\(commune)_\(place) -> p\(commune)_\(place + 1);") }
                if place % 3 == 0 { lines.append("  p\(commune)_\(place) -> p\((commune + 1) % communes)_\((place + 2) % places);") }
            }
        }
        return (lines + ["}"]).joined(separator: "\n")
    }
}
