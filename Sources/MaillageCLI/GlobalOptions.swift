import ArgumentParser
import Foundation
import Maillage

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file. Defaults to $MAILLAGE_DB, or maillage.sqlite in the working directory.",
        valueName: "path"))
    var db: String?

    /// The database path in force.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["MAILLAGE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "maillage.sqlite"
    }

    /// Opens the store, creating the file if needed.
    func openStore() throws -> Store {
        try Store.open(path: databasePath)
    }
}

/// How a command prints what a script may read.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
