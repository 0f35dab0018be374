import ArgumentParser
import Foundation
import Maillage

extension MaillageCommand {
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the whole database to a file.",
            discussion: """
                Copies everything the database holds (taxonomy, places, intermediaries with their headcounts, \
                referrals, the fragility index) with SQLite's online backup: a consistent copy even while another \
                command writes, and from a database you may only read. This is the export for moving a whole \
                directory; the v1 CSV carries places only. FILE may be new or an earlier maillage database, which \
                is replaced; anything else is refused.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The file to write the copy to.", valueName: "file"))
        var file: String

        func run() async throws {
            let store = try global.openStore(.read)
            do { try store.backup(to: file) } catch let error as DatabaseFileError {
                let aboutTheCopy = if case .sameFile = error { true } else { error.path == file }
                throw DatabaseProblem(error, role: aboutTheCopy ? .backupCopy : .database)
            }
            print("\(global.databasePath) copied to \(file).")
        }
    }
}
