import ArgumentParser
import Maillage

extension MaillageCommand {
    struct Dedupe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge the records of one real place across sources (CNFS, Aidants Connect, lieux files).",
            discussion: """
                Compares the places of one commune or within 1 km of each other. The same SIRET in the same commune, in two sources: \
                one place. Otherwise a score from 0 to 100, the mean of name, street and distance similarities; \
                records merge at 83 or more across sources, 90 within one source (--threshold sets both). \
                Different communes, incompatible structure kinds and a missing name veto a merge. Pairs scoring \
                from 70 up to the threshold are listed as near-misses to review. Every merge is recorded and can \
                be undone with `maillage unmerge ID`.
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, csv }

        @OptionGroup var global: GlobalOptions

        @Flag(name: .customLong("dry-run"), help: "List the merges it would make, and change nothing.")
        var dryRun = false

        @Option(parsing: .unconditional, help: "Merge from this score (0–100) for every pair, instead of 83 across sources and 90 within one.")
        var threshold: Double?

        @Option(help: ArgumentHelp("Only the places of this territory: INSEE code, EPCI SIREN, département, or region:CODE.", valueName: "code"))
        var within: String?

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Record that two records are different places, so that no dedupe merges them; nothing else is done.", valueName: "id"))
        var never: [String] = []

        @Option(parsing: .unconditional, help: "At most this many merges and near-misses each in text output (json and csv list them all).")
        var limit = 20

        @Option(help: "text, json or csv (one row per merge and near-miss).")
        var format: Format = .text

        func validate() throws {
            if let threshold, !(0...100).contains(threshold) { throw ValidationError("--threshold must be between 0 and 100; got \(threshold).") }
            if !never.isEmpty && never.count != 2 {
                throw ValidationError("--never takes two record ids (maillage dedupe --never ID1 ID2); got \(never.count).")
            }
            if !never.isEmpty && (dryRun || threshold != nil || within != nil) {
                throw ValidationError("--never only records a decision; it does not go with --dry-run, --threshold or --within.")
            }
            try NumberRange.check(limit, atLeast: 0, option: "--limit")
        }

        func run() async throws {
            let store = try global.openStore(dryRun ? .read : .write)
            if never.count == 2 {
                try store.recordDifferentPlaces(never[0], never[1])
                print("\(shown: never[0]) and \(shown: never[1]) are recorded as different places: no dedupe will merge them.")
                return
            }
            let proposal = try store.dedupe(DedupeOptions(threshold: threshold, within: within), dryRun: dryRun)
            switch format {
            case .json: print(try JSONOutput.encode(proposal))
            case .csv: print(DedupeText.csv(proposal), terminator: "")
            case .text: print(DedupeText.describe(proposal, dryRun: dryRun, limit: limit))
            }
        }
    }
}
