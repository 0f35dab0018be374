import ArgumentParser
import Foundation
import Maillage

/// The library names fields (`publics_specifiquement_adresses`, a diagram's scope); the command
/// line words them as its options (`--public`, `--commune`). Errors pass through here on their
/// way to the terminal.
enum CLIWording {
    /// A library error reworded with the options that set what it names; other errors as they are.
    static func reworded(_ error: any Error) -> any Error {
        switch error {
        case QueryError.unknownValue(let filter, let value, let expected):
            return Message("Unknown value '\(value)' for \(option(for: filter)): expected one of \(QueryError.quoted(expected)).")
        case QueryError.noFragilityIndex:
            return Message("No digital fragility index is loaded: import it first with `maillage import fragility FILE` "
                           + "(e.g. ../shared/data/indice-fragilite-numerique-communes.csv and -epci.csv), or use --demand population.")
        case DiagramError.missing(let kind, let field):
            return Message("\(DiagramError.article(kind)) \(kind.rawValue) diagram needs \(options(for: field)).")
        default:
            return error
        }
    }

    static func option(for filter: QueryError.Filter) -> String {
        switch filter {
        case .publics: "--public"
        case .priseEnCharge: "--prise-en-charge"
        case .modalites: "--modalite"
        case .labels: "--label"
        }
    }

    static func options(for field: DiagramError.Field) -> String {
        switch field {
        case .scope: "a territory: --commune, --epci or --departement"
        case .id: "the id of a place or intermediary: --id"
        case .service: "a service: --service"
        }
    }

    /// An error worded for the terminal.
    struct Message: LocalizedError, CustomStringConvertible {
        var text: String
        init(_ text: String) { self.text = text }
        var errorDescription: String? { text }
        var description: String { text }
    }
}

extension MaillageCommand {
    /// Parses and runs the command as `AsyncParsableCommand.main()` does, rewording library errors
    /// for the terminal (``CLIWording``).
    public static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: CLIWording.reworded(error))
        }
    }
}
