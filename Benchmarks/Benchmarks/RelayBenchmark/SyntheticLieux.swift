import BenchmarkSupport
import Foundation
import Maillage

/// A seeded generator of national-schema v1 lieux spread over real communes (weighted by
/// population), for benchmarks at the scale of the national cartography.
enum SyntheticLieux {
    typealias Generator = SplitMix64

    static let services = [
        "Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien",
        "Insertion professionnelle via le numérique", "Utilisation sécurisée du numérique",
        "Parentalité et éducation avec le numérique", "Loisirs et créations numériques",
        "Compréhension du monde numérique", "Accès internet et matériel informatique",
        "Acquisition de matériel informatique à prix solidaire",
    ]
    static let hours = ["Mo-Fr 09:00-12:00,14:00-17:30", "Tu,Th 14:00-18:00; Sa 09:00-12:00", "Mo-Fr 08:30-12:30; PH off", ""]
    static let frais = ["Gratuit", "Gratuit sous condition", "Payant", ""]
    static let publics = ["Seniors", "Jeunes", "Familles et/ou enfants", ""]

    /// `count` lieux as a v1 CSV, placed in the communes of `communesCSV` (the format of communes-france.csv).
    static func csv(count: Int, communesCSV: Data, seed: UInt64 = 20_261_127) throws -> String {
        var communes: [(code: String, nom: String, latitude: Double, longitude: Double, weight: Double)] = []
        var total = 0.0
        try CSVReader(data: communesCSV).forEachRecord { record in
            guard record.line > 1, record.fields.count >= 13, let lat = Double(record.fields[11]), let lon = Double(record.fields[12]) else { return }
            total += Double(record.fields[9]) ?? 0
            communes.append((record.fields[0], record.fields[1], lat, lon, total))
        }
        var random = Generator(state: seed)
        var text = LieuColumn.allCases.map(\.rawValue).joined(separator: ",") + "\n"
        for index in 0..<count {
            // Population-weighted choice: binary search on the cumulative weights.
            let target = Double.random(in: 0..<total, using: &random)
            var low = 0, high = communes.count - 1
            while low < high {
                let middle = (low + high) / 2
                if communes[middle].weight <= target { low = middle + 1 } else { high = middle }
            }
            let commune = communes[low]
            let chosen = services.indices.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }.map { services[$0] }
            let values: [LieuColumn: String] = [
                .id: "synth-\(index)", .nom: "Lieu \(index) — \(commune.nom)", .commune: commune.nom, .codeInsee: commune.code,
                .latitude: String(format: "%.5f", commune.latitude + Double.random(in: -0.02...0.02, using: &random)),
                .longitude: String(format: "%.5f", commune.longitude + Double.random(in: -0.02...0.02, using: &random)),
                .source: "synthetic", .dateMaj: "2025-06-01",
                .services: (chosen.isEmpty ? [services[0]] : chosen).joined(separator: "|"),
                .horaires: hours.randomElement(using: &random) ?? "", .fraisACharge: frais.randomElement(using: &random) ?? "",
                .publicsSpecifiquementAdresses: publics.randomElement(using: &random) ?? "",
            ]
            text += LieuColumn.allCases.map { column in
                let value = values[column] ?? ""
                return value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
            }.joined(separator: ",") + "\n"
        }
        return text
    }
}
