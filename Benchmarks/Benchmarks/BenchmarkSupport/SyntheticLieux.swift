import Foundation
import Maillage

/// A seeded generator of national-schema v1 lieux spread over real communes (weighted by
/// population), for benchmarks at the scale of the national cartography and beyond.
///
/// Two shapes of row: *compact* (id, name, commune, coordinates, services, hours, conditions:
/// what the relay benchmarks query) and *complete* (every one of the 32 columns filled, with
/// presentations of realistic length, about 1.2 KB a row as in the national files), for the scale
/// benchmark. The compact fields are drawn from the same sequence in both shapes, so a complete
/// file holds the compact file's places with more said about each.
public enum SyntheticLieux {
    public typealias Generator = SplitMix64

    /// The default seed: the same file on every machine.
    public static let defaultSeed: UInt64 = 20_261_127

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

    // The columns only complete rows fill.
    static let typologies = ["BIB", "CCAS", "CS", "FS", "ASSO", "MJC", "EPN", "TIERS_LIEUX", "MDS", "CAF"]
    static let streets = ["rue de la République", "avenue Jean Jaurès", "place de la Mairie", "rue Victor Hugo", "boulevard Gambetta",
                          "rue du Général de Gaulle", "chemin des Écoles", "rue Pasteur", "allée des Tilleuls", "route de la Gare"]
    static let complements = ["Bâtiment B", "2e étage", "Entrée par la cour", "Espace France Services", "Salle polyvalente", ""]
    static let priseEnCharge = ["Surdité", "Handicaps moteurs", "Illettrisme", "Langues étrangères (anglais)", "Déficience visuelle", ""]
    static let programmes = ["Aidants Connect", "Conseillers numériques", "France Services", "Point d'accès numérique CAF", "APTIC", ""]
    static let modalitesAcces = ["Se présenter", "Téléphoner", "Contacter par mail", "Prendre un RDV en ligne"]
    static let modalitesAccompagnement = ["En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance"]
    static let sentences = [
        "Notre équipe accueille toute personne qui a besoin d'aide avec un ordinateur, une tablette ou un smartphone.",
        "Nous accompagnons les démarches en ligne : CAF, impôts, retraite, France Travail, Ameli, ANTS.",
        "Des ateliers collectifs ont lieu chaque semaine pour apprendre à utiliser sa messagerie et à naviguer en sécurité.",
        "Un conseiller numérique reçoit sur rendez-vous pour un accompagnement individuel, adapté au rythme de chacun.",
        "Du matériel informatique est en libre accès aux heures d'ouverture, avec une imprimante et un scanner.",
        "Les personnes qui ne peuvent pas se déplacer peuvent être aidées par téléphone ou à domicile, selon les disponibilités.",
        "Nous travaillons avec la médiathèque, le centre social et la maison France Services du secteur.",
        "L'accueil est gratuit et sans condition ; certains ateliers demandent une inscription préalable.",
        "Notre parcours d'initiation permet d'acquérir les compétences numériques de base en quelques séances.",
        "Une permanence a lieu le samedi matin pour celles et ceux qui travaillent en semaine.",
    ]

    /// A commune of communes-france.csv with its cumulative population, for a weighted draw.
    public struct Commune: Sendable {
        public let code: String
        public let nom: String
        public let departement: String
        public let latitude: Double
        public let longitude: Double
        /// Population of this commune and every one before it.
        let cumulativePopulation: Double
    }

    /// The communes with coordinates of `communesCSV` (the format of communes-france.csv).
    public static func communes(_ communesCSV: Data) throws -> [Commune] {
        var communes: [Commune] = []
        var total = 0.0
        try CSVReader(data: communesCSV).forEachRecord { record in
            guard record.line > 1, record.fields.count >= 13, let lat = Double(record.fields[11]), let lon = Double(record.fields[12]) else { return }
            total += Double(record.fields[9]) ?? 0
            communes.append(Commune(code: record.fields[0], nom: record.fields[1], departement: record.fields[2],
                                    latitude: lat, longitude: lon, cumulativePopulation: total))
        }
        return communes
    }

    /// `count` compact lieux as a v1 CSV, placed in the communes of `communesCSV`.
    public static func csv(count: Int, communesCSV: Data, seed: UInt64 = defaultSeed) throws -> String {
        var text = ""
        try lines(count: count, communes: communes(communesCSV), seed: seed, complete: false) { text += $0 }
        return text
    }

    /// Writes `count` complete lieux as a v1 CSV file at `path`, a few thousand lines at a time
    /// (memory stays flat whatever the count).
    public static func write(count: Int, communesCSV: Data, seed: UInt64 = defaultSeed, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? file.close() }
        var buffer = ""
        try lines(count: count, communes: communes(communesCSV), seed: seed, complete: true) { line in
            buffer += line
            if buffer.utf8.count > 1 << 20 {
                try file.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try file.write(contentsOf: Data(buffer.utf8))
    }

    /// The header line, then one line per place, each ending in `\n`.
    static func lines(count: Int, communes: [Commune], seed: UInt64, complete: Bool, body: (String) throws -> Void) throws {
        guard let total = communes.last?.cumulativePopulation, total > 0 else { return }
        var random = Generator(state: seed)
        // Complete rows draw their extra columns from a second sequence, leaving the first one as in compact rows.
        var extra = Generator(state: ~seed)
        try body(LieuColumn.allCases.map(\.rawValue).joined(separator: ",") + "\n")
        for index in 0..<count {
            // Population-weighted choice: binary search on the cumulative weights.
            let target = Double.random(in: 0..<total, using: &random)
            var low = 0, high = communes.count - 1
            while low < high {
                let middle = (low + high) / 2
                if communes[middle].cumulativePopulation <= target { low = middle + 1 } else { high = middle }
            }
            let commune = communes[low]
            let chosen = services.indices.filter { _ in Int.random(in: 0..<3, using: &random) == 0 }.map { services[$0] }
            var values: [LieuColumn: String] = [
                .id: "synth-\(index)", .nom: "Lieu \(index) — \(commune.nom)", .commune: commune.nom, .codeInsee: commune.code,
                .latitude: String(format: "%.5f", commune.latitude + Double.random(in: -0.02...0.02, using: &random)),
                .longitude: String(format: "%.5f", commune.longitude + Double.random(in: -0.02...0.02, using: &random)),
                .source: "synthetic", .dateMaj: "2025-06-01",
                .services: (chosen.isEmpty ? [services[0]] : chosen).joined(separator: "|"),
                .horaires: hours.randomElement(using: &random) ?? "", .fraisACharge: frais.randomElement(using: &random) ?? "",
                .publicsSpecifiquementAdresses: publics.randomElement(using: &random) ?? "",
            ]
            if complete { addCompleteColumns(to: &values, index: index, commune: commune, using: &extra) }
            try body(LieuColumn.allCases.map { column in quoted(values[column] ?? "") }.joined(separator: ",") + "\n")
        }
    }

    /// Fills the columns compact rows leave empty, with values the importer takes without a warning.
    private static func addCompleteColumns(to values: inout [LieuColumn: String], index: Int, commune: Commune, using random: inout Generator) {
        let pick = { (choices: [String], random: inout Generator) in choices.randomElement(using: &random) ?? "" }
        let some = { (choices: [String], random: inout Generator) in
            choices.filter { !$0.isEmpty && Int.random(in: 0..<3, using: &random) == 0 }.joined(separator: "|")
        }
        let slug = "lieu-\(index)"
        values[.pivot] = String(UInt64.random(in: 10_000_000_000_000...99_999_999_999_999, using: &random))
        values[.codePostal] = postalCode(of: commune.departement)
        values[.adresse] = "\(Int.random(in: 1...120, using: &random)) \(pick(streets, &random))"
        values[.complementAdresse] = pick(complements, &random)
        values[.typologie] = pick(typologies, &random)
        values[.telephone] = "+33" + String(Int.random(in: 100_000_000...799_999_999, using: &random))
        values[.courriels] = "contact@\(slug).example.fr"
        values[.siteWeb] = "https://\(slug).example.fr/"
        values[.presentationResume] = pick(sentences, &random)
        values[.presentationDetail] = (0..<Int.random(in: 3...7, using: &random)).map { _ in pick(sentences, &random) }.joined(separator: " ")
        values[.itinerance] = Int.random(in: 0..<5, using: &random) == 0 ? "Itinérant" : "Fixe"
        values[.structureParente] = Int.random(in: 0..<3, using: &random) == 0 ? "Mairie de \(commune.nom)" : ""
        values[.priseEnChargeSpecifique] = some(priseEnCharge, &random)
        values[.dispositifProgrammesNationaux] = some(programmes, &random)
        values[.formationsLabels] = Int.random(in: 0..<4, using: &random) == 0 ? "Pix" : ""
        values[.modalitesAcces] = some(modalitesAcces, &random)
        values[.modalitesAccompagnement] = some(modalitesAccompagnement, &random)
        values[.ficheAccesLibre] = Int.random(in: 0..<4, using: &random) == 0 ? "https://acceslibre.beta.gouv.fr/app/\(slug)/" : ""
        values[.priseRdv] = Int.random(in: 0..<4, using: &random) == 0 ? "https://www.rdv-solidarites.fr/\(slug)" : ""
    }

    /// A postal code in the commune's département (the importer checks the département only).
    static func postalCode(of departement: String) -> String {
        switch departement {
        case "2A": "20090"
        case "2B": "20200"
        case _ where departement.count == 3: departement + "00"
        default: departement + "000"
        }
    }

    /// A CSV field, quoted when it holds a comma or a quote.
    static func quoted(_ value: String) -> String {
        value.contains(",") || value.contains("\"") ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
