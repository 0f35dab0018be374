import ArgumentParser
import Foundation
import Maillage

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (only `maillage init` creates one). Defaults to $MAILLAGE_DB, or maillage.sqlite in the working directory.",
        valueName: "path"))
    var db: String?

    /// The database path in force.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["MAILLAGE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "maillage.sqlite"
    }

    /// Opens the store for `access`: `.read` for a command that only reads (read-only, works on a
    /// database this user cannot write), `.write` for one that changes it, `.create` for `init`
    /// alone. A problem with the file comes back as a ``DatabaseProblem`` saying what to do.
    func openStore(_ access: Store.Access) throws -> Store {
        do {
            return try Store.open(path: databasePath, access: access)
        } catch let error as DatabaseFileError {
            throw DatabaseProblem(error)
        }
    }
}

/// How a command prints what a script may read.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
