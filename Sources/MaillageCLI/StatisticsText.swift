import Maillage

/// The text form of the directory's statistics.
enum StatisticsText {
    static func describe(_ stats: Statistics) -> String {
        var lines = [
            "Territories: \(stats.communes) communes (\(stats.population) inhabitants), \(stats.epci) EPCI, \(stats.departements) département\(stats.departements == 1 ? "" : "s"), \(stats.regions) région\(stats.regions == 1 ? "" : "s").",
            "Places: \(stats.places) (\(stats.activePlaces) active). Referrals: \(stats.referrals).",
        ]
        if stats.mergedPlaces > 0 {
            lines.append("  Each real place counted once: \(stats.mergedPlaces) of them merge \(stats.mergedRecords) source records (`maillage dedupe`).")
        }
        lines += [
            "Intermediaries: \(stats.intermediaries.count), \(stats.intermediaries.headcount) people where known.",
        ]
        for type in stats.intermediaries.byType where type.count > 0 {
            lines.append("  \(shown: type.label.padding(toLength: 28, withPad: " ", startingAt: 0)) \(pad(type.count)) intermediaries, \(pad(type.headcount)) people")
        }
        lines.append("Services (places where the place or a team there relays it, intermediaries relaying it; "
                     + "a finer service, indented, is counted apart from the service above it):")
        for service in stats.services where service.places > 0 || service.intermediaries > 0 || service.level == "national" {
            let indent = service.level == "national" ? "  " : "    "
            lines.append("\(indent)\(shown: service.label): \(service.places) places, \(service.intermediaries) intermediaries")
        }
        if !stats.byDepartement.isEmpty {
            lines.append("By département:")
            for departement in stats.byDepartement {
                lines.append("  \(shown: departement.code) \(shown: departement.nom): \(departement.places) places, \(departement.intermediaries) intermediaries, \(departement.headcount) people")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, 6 - text.count)) + text
    }
}
