import ArgumentParser
import Foundation
import Maillage

extension ImportKind: ExpressibleByArgument {}

extension MaillageCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a file into the directory.",
            discussion: """
                KIND is one of: communes (the COG commune list), lieux (national schema v1 CSV, or v0.1 JSON/CSV), \
                cnfs (conseillers numériques structures), aidants-connect (Aidants Connect structures), \
                intermediaries (id,nom,type,place_id,headcount,services,zone,modalites_accompagnement,itinerance), \
                referrals (source_id,target_id,service,weight), fragility (the digital fragility index by commune \
                or EPCI: name,division,code,…,total) and data-inclusion (STRUCTURES [SERVICES]: data·inclusion's JSON, \
                as its API and dumps give them; one import). Each file is one transaction: by default a file \
                with errors imports nothing and lists them. Importing the same file again changes nothing (its \
                rows are reported unchanged); an updated file updates in place. A list (lieux, cnfs, \
                aidants-connect, data-inclusion) is read as complete: the structures of its sources it no longer holds are \
                retired (marked inactive, not deleted), unless --partial says the file is an extract.
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: "What the file holds.")
        var kind: ImportKind

        @Argument(help: "The files to import, in order.")
        var files: [String]

        @Flag(help: "Import the valid rows and report the invalid ones, instead of importing nothing.")
        var skipInvalid = false

        @Option(help: ArgumentHelp("The date of the data (YYYY-MM-DD), for files whose rows carry none (aidants-connect). Defaults to today.", valueName: "date"))
        var dateMaj: String?

        @Option(help: ArgumentHelp("The source the rows belong to, which keys updates with their ids. Defaults to the file's name without extension (cnfs and aidants-connect for those lists; a lieux row's own source column wins).", valueName: "name"))
        var source: String?

        @Flag(help: "The list (lieux, cnfs, aidants-connect, data-inclusion) is an extract: leave the structures it does not hold as they are, instead of retiring them.")
        var partial = false

        @Option(help: "text, or json for scripts.")
        var format: OutputFormat = .text

        @Option(help: "How many warnings to list (the rest are counted).")
        var maxWarnings = 20

        func validate() throws {
            if let dateMaj, dateMaj.count != 10 || dateMaj.split(separator: "-").count != 3 {
                throw ValidationError("--date-maj expects a date as YYYY-MM-DD, such as 2024-02-22; got '\(dateMaj)'.")
            }
            if files.isEmpty { throw ValidationError("Give at least one file to import.") }
            if kind == .dataInclusion, files.count > 2 {
                throw ValidationError("import data-inclusion takes the structures file, then optionally the services file: \(files.count) files given.")
            }
            if partial, !kind.isList {
                throw ValidationError("--partial applies to lists (lieux, cnfs, aidants-connect, data-inclusion), whose new version retires what it no longer holds; \(kind.rawValue) files retire nothing.")
            }
        }

        func run() async throws {
            let store = try global.openStore(.write)
            var reports: [ImportReport] = []
            let options = ImportOptions(skipInvalid: skipInvalid, dataDate: dateMaj, source: source, partial: partial)
            // data·inclusion's structures and services are one import; every other kind, one per file.
            let imports: [(label: String, run: () throws -> ImportReport)] = kind == .dataInclusion
                ? [(files.joined(separator: " + "), { try store.importDataInclusion(structures: files[0], services: files.dropFirst().first, options: options) })]
                : files.map { file in (file, { try store.importFile(kind, path: file, options: options) }) }
            for (label, run) in imports {
                let progress = Progress(label: "importing \(label)")
                defer { progress.done() }
                do {
                    reports.append(try run())
                } catch MaillageError.importFailed(let report) {
                    progress.done()
                    // The files before this one are imported: say so before the error.
                    if format == .json { print(try JSONOutput.encode(reports + [report])) } else {
                        for report in reports { print(ReportText.describe(report, maxWarnings: maxWarnings)) }
                    }
                    throw ImportRefused(report: report)
                }
            }
            if format == .json {
                print(try JSONOutput.encode(reports.count == 1 ? AnyEncodable(reports[0]) : AnyEncodable(reports)))
            } else {
                for report in reports { print(ReportText.describe(report, maxWarnings: maxWarnings)) }
            }
        }
    }
}
