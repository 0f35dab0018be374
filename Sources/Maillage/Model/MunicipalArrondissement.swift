/// A municipal arrondissement of Paris, Lyon or Marseille: it has an INSEE code of its own
/// (75101–75120, 69381–69389, 13201–13216) but is not a commune; data and users name it for its commune.
public struct MunicipalArrondissement: Sendable, Equatable, Codable {
    /// Its INSEE code, e.g. 75111.
    public var code: String
    /// Its official name, e.g. "Paris 11e Arrondissement".
    public var nom: String
    /// The INSEE code of the commune it belongs to (75056 Paris, 69123 Lyon, 13055 Marseille).
    public var commune: String

    /// The three communes divided into municipal arrondissements: name, INSEE code, first arrondissement code, count.
    private static let cities: [(nom: String, commune: String, first: Int, count: Int)] = [
        ("Marseille", "13055", 13201, 16), ("Lyon", "69123", 69381, 9), ("Paris", "75056", 75101, 20),
    ]

    /// The 45 municipal arrondissements, ordered by code.
    public static let all: [MunicipalArrondissement] = cities.flatMap { city in
        (1...city.count).map { number in
            MunicipalArrondissement(code: String(city.first + number - 1), nom: "\(city.nom) \(number == 1 ? "1er" : "\(number)e") Arrondissement",
                                    commune: city.commune)
        }
    }

    private static let byCode = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The arrondissement with this INSEE code, if the code is one.
    public static func withCode(_ code: String) -> MunicipalArrondissement? { byCode[code] }

    /// The arrondissement a commune name written with its number names, as data write them:
    /// "PARIS 11", "Lyon 3e", "MARSEILLE 1ER", "Paris 11ème arrondissement", "Lyon 3eme arr.";
    /// ignoring case and accents. nil for anything else (the city's bare name included).
    package static func named(_ name: String) -> MunicipalArrondissement? {
        let words = TextKey.fold(name).split { $0 == " " || $0 == "-" || $0 == "." }
        guard words.count >= 2, let city = cities.first(where: { TextKey.fold($0.nom) == words[0] }) else { return nil }
        let number = words[1].prefix { $0.isASCII && $0.isNumber }
        let suffix = words[1].dropFirst(number.count)
        guard let value = Int(number), (1...city.count).contains(value), ["", "e", "er", "eme", "ieme", "em"].contains(String(suffix)) else { return nil }
        let rest = words.dropFirst(2).filter { !["arrondissement", "arr", "arrt", "arrdt", "ardt"].contains(String($0)) }
        guard rest.isEmpty else { return nil }
        return byCode[String(city.first + value - 1)]
    }
}
