/// The week's coverage as a 7 × 24 heat table (a Graphviz HTML-like table): one row per day, one
/// cell per hour coloured by the share of the inhabitants with a relay open then, its percentage
/// written in it; a title and a legend like every diagram.
enum WeekDiagram {
    /// The colour classes, palest for the least covered (ColorBrewer YlGnBu, 5 classes).
    static let classes: [(upTo: Double, colour: String, text: String)] = [
        (0.0, "#ffffcc", "Aucun habitant"), (0.25, "#a1dab4", "Moins d'un quart"), (0.5, "#41b6c4", "Moins de la moitié"),
        (0.9, "#2c7fb8", "Moins de 90 %"), (1.0, "#253494", "90 % et plus"),
    ]

    static func colour(of share: Double) -> (fill: String, ink: String) {
        let index = share <= 0 ? 0 : classes.indices.dropFirst().first { share < classes[$0].upTo } ?? classes.count - 1
        return (classes[index].colour, index >= 3 ? "white" : "black")
    }

    static func build(_ report: WeekReport, title: String) -> DOTGraph {
        var dot = DOTGraph(name: "semaine")
        dot.graphAttributes = [
            "label": .text(title), "labelloc": .raw("t"), "fontsize": .raw("16"), "fontname": .text("Helvetica"),
            "charset": .text("UTF-8"), "bgcolor": .text("white"), "pad": .raw("0.3"), "rankdir": .raw("TB"),
        ]
        dot.nodeDefaults = ["fontname": .text("Helvetica"), "shape": .raw("plaintext")]
        let days = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
        var rows = ["<TR><TD></TD>" + (0..<24).map { "<TD><FONT POINT-SIZE=\"9\">\($0) h</FONT></TD>" }.joined() + "</TR>"]
        for (dayIndex, day) in days.enumerated() {
            var cells = ["<TD ALIGN=\"RIGHT\"><B>\(day)</B></TD>"]
            for hour in 0..<24 {
                let slot = report.slots[dayIndex * 24 + hour]
                let (fill, ink) = colour(of: slot.coveredShare)
                let percent = Int((slot.coveredShare * 100).rounded())
                cells.append("<TD BGCOLOR=\"\(fill)\" WIDTH=\"30\" HEIGHT=\"24\" TITLE=\"\(day) \(slot.start)–\(slot.end) : \(slot.coveredPopulation) habitants, \(slot.openRelays) relais ouverts\">"
                             + "<FONT POINT-SIZE=\"9\" COLOR=\"\(ink)\">\(percent)</FONT></TD>")
            }
            rows.append("<TR>" + cells.joined() + "</TR>")
        }
        dot.nodes.append(.init(id: "semaine", attributes: [
            "label": .html("<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"2\" COLOR=\"#ffffff\">\(rows.joined())</TABLE>"),
        ]))
        var legend = ["<TR><TD COLSPAN=\"2\"><B>Légende : part des habitants avec un relais ouvert (lu à la demi-heure)</B></TD></TR>"]
        for item in classes {
            legend.append("<TR><TD BGCOLOR=\"\(item.colour)\" WIDTH=\"20\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"> </TD><TD ALIGN=\"LEFT\">\(DOTText.html(item.text))</TD></TR>")
        }
        legend.append("<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">\(DOTText.html("Écartés : \(report.unknownHoursLeftOut) relais aux horaires inconnus, \(report.withoutPlaceLeftOut) sans lieu et les zones d'intervention (sans horaires)"))</TD></TR>")
        dot.nodes.append(.init(id: "legende", attributes: [
            "label": .html("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\">\(legend.joined())</TABLE>"),
            "fontsize": .raw("9"),
        ]))
        dot.edges.append(.init(from: "semaine", to: "legende", attributes: ["style": .text("invis")]))
        return dot
    }
}
