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

    /// `classes`: (colour, legend text) of each class, in legend order. The map is framed on the
    /// communes with `marginKm` around them (the coverage radius: the relays drawn are within it),
    /// so a single commune sits in the middle of its reach instead of in a corner.
    static func build(title: String, communes: [Commune], relays: [Relay], classes: [(colour: String, text: String)],
                      marginKm: Double = 0) -> DOTGraph {
        var dot = DOTGraph(name: "couverture")
        dot.directed = false
        dot.graphAttributes = [
            "label": .text(title), "labelloc": .raw("t"), "fontsize": .raw("18"), "fontname": .text("Helvetica"),
            "charset": .text("UTF-8"), "bgcolor": .text("white"), "pad": .raw("0.3"), "outputorder": .text("nodesfirst"),
        ]
        dot.nodeDefaults = ["fontname": .text("Helvetica"), "fontsize": .raw("8"), "style": .text("filled"), "fixedsize": .raw("true")]
        let located = communes.filter { $0.latitude.isFinite && $0.longitude.isFinite }
        let locatedRelays = relays.filter { $0.latitude.isFinite && $0.longitude.isFinite }
        // Framed on everything drawn: the communes with their reach, and the relays (within reach of
        // them, so inside it); a frame on the communes alone put a single commune's relays thousands
        // of points away.
        let projection = Projection(latitudes: located.map(\.latitude) + locatedRelays.map(\.latitude),
                                    longitudes: located.map(\.longitude) + locatedRelays.map(\.longitude), marginKm: marginKm)
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
        for relay in locatedRelays {
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

    /// Equirectangular projection around the mean latitude, scaled so that the larger side of the
    /// points' bounding box is 9 inches (648 points), whatever the territory's size.
    struct Projection {
        let originLatitude: Double, originLongitude: Double, scale: Double, cosine: Double
        let width: Double, height: Double

        /// The frame holds every point, with `marginKm` more on each side.
        init(latitudes: [Double], longitudes: [Double], marginKm: Double = 0) {
            let middle = ((latitudes.min() ?? 0) + (latitudes.max() ?? 0)) / 2
            let cosine = cos(middle * .pi / 180)
            // Degrees of latitude per km on the sphere of R = 6371.0 km; longitude degrees are 1/cos wider.
            let margin = max(0, marginKm.isFinite ? marginKm : 0) * 180 / (.pi * 6371.0)
            let south = (latitudes.min() ?? 0) - margin, north = (latitudes.max() ?? 0) + margin
            let west = (longitudes.min() ?? 0) - margin / max(cosine, 0.01), east = (longitudes.max() ?? 0) + margin / max(cosine, 0.01)
            originLatitude = south
            originLongitude = west
            self.cosine = cosine
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
