import ArgumentParser
import Foundation
import Maillage

extension MaillageCommand {
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database and load the taxonomy.",
            discussion: "Creates the schema (or upgrades it) and loads the actor types, services, programmes and enumerations from the seeds directory. Running it again updates the taxonomy and keeps the data.")

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("The taxonomy directory. Defaults to $MAILLAGE_SEEDS, or Seeds/taxonomy.", valueName: "dir"))
        var seeds: String?

        @Flag(help: "Delete the database file first, to start from nothing.")
        var fresh = false

        func run() async throws {
            let directory = seeds ?? ProcessInfo.processInfo.environment["MAILLAGE_SEEDS"] ?? "Seeds/taxonomy"
            let taxonomy = try Taxonomy.load(from: URL(fileURLWithPath: directory))
            if fresh {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: global.databasePath + suffix) }
            }
            let store = try global.openStore()
            try store.loadTaxonomy(taxonomy)
            print("\(global.databasePath): ready, with \(taxonomy.actorTypes.count) actor types, \(taxonomy.services.count) services and \(taxonomy.programmes.count) programmes.")
        }
    }
}
