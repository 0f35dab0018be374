import Foundation

/// Errors of the coordinators' queries, each naming what was asked and what is known.
public enum QueryError: Error, LocalizedError, Equatable, Sendable {
    case unknownService(String, closest: [String])
    case unknownCommune(String)
    case unknownValue(option: String, value: String, expected: [String])
    case invalidDate(String)
    case unknownIdentifier(String, closest: [String])
    case tooManyServices(Int)
    case unknownTerritory(String)

    public var errorDescription: String? {
        switch self {
        case .unknownService(let name, let closest):
            "Unknown service '\(name)'. Closest known services: \(closest.map { "'\($0)'" }.joined(separator: ", ")). A service is named by its exact label or its slug."
        case .unknownCommune(let code):
            "No commune has the INSEE code '\(code)': expected the five-character code of a current commune (e.g. 07186), imported with `maillage import communes`."
        case .unknownValue(let option, let value, let expected):
            "Unknown value '\(value)' for \(option): expected one of \(expected.map { "'\($0)'" }.joined(separator: ", "))."
        case .invalidDate(let text):
            "Cannot read '\(text)' as a date and time: expected YYYY-MM-DDTHH:MM (local time in France), e.g. 2025-03-15T10:30."
        case .unknownIdentifier(let id, let closest):
            "No place or intermediary has the id '\(id)'." + (closest.isEmpty ? "" : " Closest ids: \(closest.joined(separator: ", ")).")
        case .unknownTerritory(let code):
            "No territory has the code '\(code)': expected a commune's INSEE code, an EPCI's SIREN, a département code, or region:CODE."
        case .tooManyServices(let count):
            "The taxonomy has \(count) services; relay queries support at most 64."
        }
    }
}
