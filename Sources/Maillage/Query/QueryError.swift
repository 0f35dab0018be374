import Foundation

/// Errors of the coordinators' queries, each naming what was asked and what is known.
public enum QueryError: Error, LocalizedError, Equatable, Sendable {
    /// A filter of the relay queries, named by the national schema's field it reads.
    public enum Filter: String, Sendable {
        case publics = "publics_specifiquement_adresses"
        case priseEnCharge = "prise_en_charge_specifique"
        case modalites = "modalites_accompagnement"
        case labels = "dispositif_programmes_nationaux"
    }

    case unknownService(String, closest: [String])
    case unknownCommune(String, postalCodeOf: [ResolvedTerritory.CommuneName] = [])
    case unknownValue(Filter, value: String, expected: [String])
    case invalidDate(String)
    case unknownIdentifier(String, closest: [String])
    case tooManyServices(Int)
    case unknownTerritory(String)
    case invalidBands(String, part: String)
    case noFragilityIndex

    public var errorDescription: String? {
        switch self {
        case .unknownService(let name, let closest):
            "Unknown service '\(name)'. Closest known services: \(closest.map { "'\($0)'" }.joined(separator: ", ")). A service is named by its exact label or its slug."
        case .unknownCommune(let code, let postalCodeOf) where !postalCodeOf.isEmpty:
            "No commune has the INSEE code '\(code)', but it is the postal code of \(postalCodeOf.map { "\($0.code) \($0.nom)" }.joined(separator: ", ")): give the INSEE code of the commune meant."
        case .unknownCommune(let code, _):
            "No commune has the INSEE code '\(code)': expected the five-character code of a current commune (e.g. 07186) or of a municipal arrondissement of Paris, Lyon or Marseille (e.g. 75111), imported with `maillage import communes`."
        case .unknownValue(let filter, let value, let expected):
            "Unknown value '\(value)' for \(filter.rawValue): expected one of \(Self.quoted(expected))."
        case .invalidDate(let text):
            "Cannot read '\(text)' as a date and time: expected YYYY-MM-DDTHH:MM (local time in France), e.g. 2025-03-15T10:30."
        case .unknownIdentifier(let id, let closest):
            "No place or intermediary has the id '\(id)'." + (closest.isEmpty ? "" : " Closest ids: \(closest.joined(separator: ", ")).")
        case .unknownTerritory(let code):
            "No territory has the code '\(code)': expected a commune's INSEE code, an EPCI's SIREN, a département code, or region:CODE."
        case .invalidBands(let text, let part):
            "Cannot read the distance bands '\(text)' at '\(part)': expected comma-separated KM:WEIGHT pairs with distinct positive bounds and weights of 0 or more, e.g. 10:1,20:0.68,30:0.22."
        case .noFragilityIndex:
            "No digital fragility index is loaded: import it first with `maillage import fragility FILE` (e.g. ../shared/data/indice-fragilite-numerique-communes.csv and -epci.csv), or measure demand by population."
        case .tooManyServices(let count):
            "The taxonomy has \(count) services; relay queries support at most 64."
        }
    }

    /// Values in quotes, separated by commas.
    public static func quoted(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }
}
