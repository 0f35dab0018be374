import ArgumentParser
import Foundation
import Maillage

extension MaillageCommand {
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database and load the taxonomy.",
            discussion: "Creates the schema (or upgrades it) and loads the actor types, services, programmes and enumerations from the seeds directory. Running it again updates the taxonomy and keeps the data. It is the only command that creates a database, and it never writes into (or, with --fresh, deletes) a file that is not a maillage database.")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The taxonomy directory (Seeds/taxonomy, or the Seeds directory holding it). Defaults to $MAILLAGE_SEEDS, or Seeds/taxonomy.", valueName: "dir"))
        var seeds: String?

        @Flag(help: "Delete the database (a maillage database only) first, to start from nothing.")
        var fresh = false

        func run() async throws {
            let directory = seeds ?? ProcessInfo.processInfo.environment["MAILLAGE_SEEDS"] ?? "Seeds/taxonomy"
            let taxonomy: Taxonomy
            do { taxonomy = try Taxonomy.load(from: URL(fileURLWithPath: directory)) } catch MaillageError.seedsMissing(let path) {
                throw SeedsMissing(path: path)
            }
            if fresh {
                do { try Store.deleteDatabase(path: global.databasePath) } catch let error as DatabaseFileError {
                    throw DatabaseProblem(error)
                }
            }
            let store = try global.openStore(.create)
            try store.loadTaxonomy(taxonomy)
            print("\(global.databasePath): ready, with \(taxonomy.actorTypes.count) actor types, \(taxonomy.services.count) services and \(taxonomy.programmes.count) programmes.")
        }
    }

    /// The taxonomy is not where `--seeds` (or its default) points.
    struct SeedsMissing: Error, LocalizedError {
        let path: String

        var errorDescription: String? {
            "\(MaillageError.seedsMissing(path: path).localizedDescription) Point --seeds (or $MAILLAGE_SEEDS) at the repository's Seeds or Seeds/taxonomy folder, e.g. `--seeds Seeds` from the repository's root."
        }
    }
}
