import Foundation

/// A geographic schematic of a service's coverage: each commune a dot at its coordinates (pinned
/// positions, for `neato -n`), sized by population and coloured covered / single relay / uncovered
/// (or by accessibility quintile), the relays drawn on top as black points.
enum CoverageDiagram {
    struct Commune {
        var code: String
        var nom: String
        var population: Int
        var latitude: Double
        var longitude: Double
        /// Index into the colour classes.
        var colourClass: Int
    }

    struct Relay {
        var id: String
        var nom: String
        var latitude: Double
        var longitude: Double
    }

    /// `classes`: (colour, legend text) of each class, in legend order.
    static func build(title: String, communes: [Commune], relays: [Relay], classes: [(colour: String, text: String)]) -> DOTGraph {
        var dot = DOTGraph(name: "couverture")
        dot.directed = false
        dot.graphAttributes = [
            "label": .text(title), "labelloc": .raw("t"), "fontsize": .raw("18"), "fontname": .text("Helvetica"),
            "charset": .text("UTF-8"), "bgcolor": .text("white"), "pad": .raw("0.3"), "outputorder": .text("nodesfirst"),
        ]
        dot.nodeDefaults = ["fontname": .text("Helvetica"), "fontsize": .raw("8"), "style": .text("filled"), "fixedsize": .raw("true")]
        let located = communes.filter { $0.latitude.isFinite && $0.longitude.isFinite }
        let projection = Projection(latitudes: located.map(\.latitude), longitudes: located.map(\.longitude))
        let largest = Double(max(1, located.map(\.population).max() ?? 1))
        for commune in located {
            let size = 0.08 + 0.4 * (Double(commune.population) / largest).squareRoot()
            dot.nodes.append(.init(id: "c" + commune.code, attributes: [
                "pos": .text(projection.position(commune.latitude, commune.longitude)), "shape": .raw("circle"),
                "width": .raw(String(format: "%.2f", size)), "label": .text(""), "color": .text("#ffffff"), "penwidth": .raw("0.5"),
                "fillcolor": .text(classes[commune.colourClass].colour),
                "tooltip": .text("\(DOTText.shortened(commune.nom, to: 120)) (\(commune.code)) · \(commune.population) hab."),
            ]))
        }
        for relay in relays where relay.latitude.isFinite && relay.longitude.isFinite {
            dot.nodes.append(.init(id: "r" + relay.id, attributes: [
                "pos": .text(projection.position(relay.latitude, relay.longitude)), "shape": .raw("point"), "width": .raw("0.06"),
                "color": .text("#000000"), "tooltip": .text(DOTText.shortened(relay.nom, to: 300) + " (" + DOTText.shortened(relay.id, to: 120) + ")"),
            ]))
        }
        var rows = ["<TR><TD COLSPAN=\"2\"><B>Légende</B></TD></TR>"]
        for item in classes {
            rows.append("<TR><TD><FONT COLOR=\"\(item.colour)\" POINT-SIZE=\"14\">●</FONT></TD><TD ALIGN=\"LEFT\">\(DOTText.html(item.text))</TD></TR>")
        }
        rows.append("<TR><TD><FONT POINT-SIZE=\"14\">•</FONT></TD><TD ALIGN=\"LEFT\">Relais (lieu qui assure le service)</TD></TR>")
        rows.append("<TR><TD></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">Taille des disques : population de la commune</FONT></TD></TR>")
        dot.nodes.append(.init(id: "legende", attributes: [
            "pos": .text(projection.legendPosition), "shape": .raw("plaintext"), "fixedsize": .raw("false"), "style": .text("solid"),
            "fontsize": .raw("10"),
            "label": .html("<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" BGCOLOR=\"white\" COLOR=\"#999999\">\(rows.joined())</TABLE>"),
        ]))
        return dot
    }

    /// Equirectangular projection around the mean latitude, scaled to about 9 inches across, in points.
    struct Projection {
        let originLatitude: Double, originLongitude: Double, scale: Double, cosine: Double
        let width: Double, height: Double

        init(latitudes: [Double], longitudes: [Double]) {
            let south = latitudes.min() ?? 0, north = latitudes.max() ?? 0
            let west = longitudes.min() ?? 0, east = longitudes.max() ?? 0
            originLatitude = south
            originLongitude = west
            cosine = cos((south + north) / 2 * .pi / 180)
            let span = max((east - west) * cosine, north - south, 0.01)
            scale = 648 / span
            width = (east - west) * cosine * scale
            height = (north - south) * scale
        }

        func position(_ latitude: Double, _ longitude: Double) -> String {
            String(format: "%.1f,%.1f!", (longitude - originLongitude) * cosine * scale, (latitude - originLatitude) * scale)
        }

        /// To the right of the map, at its top.
        var legendPosition: String { String(format: "%.1f,%.1f!", width + 130, height - 60) }
    }
}
