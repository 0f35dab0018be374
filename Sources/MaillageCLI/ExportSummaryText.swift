import Maillage

/// The text form of what a v1 export wrote, repaired and left out (printed on standard error).
enum ExportSummaryText {
    /// How many left-out places are listed by id before the rest are counted.
    static let listedPlaces = 20

    static func describe(_ summary: V1ExportSummary) -> String {
        var lines = ["export lieux: \(summary.written) places written, valid against the national schema v\(V1ExportSummary.schemaVersion)."]
        if !summary.inactive.isEmpty {
            lines.append("  left out, inactive structures (the v1 format cannot mark a structure inactive): \(summary.inactive.count)")
        }
        for repair in summary.repairs { lines.append("  repaired: \(repair.description): \(repair.count)") }
        if !summary.leftOut.isEmpty {
            lines.append("  left out, invalid under the schema with no documented repair (fix them at their source and import again): \(summary.leftOut.count)")
            for place in summary.leftOut.prefix(listedPlaces) {
                lines.append("    \(place.id): \(place.problems.joined(separator: "; "))")
            }
            if summary.leftOut.count > listedPlaces { lines.append("    … and \(summary.leftOut.count - listedPlaces) more.") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
