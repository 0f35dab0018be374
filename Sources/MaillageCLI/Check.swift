import ArgumentParser
import Foundation
import Maillage

extension MaillageCommand {
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report the directory's data-quality problems: what a coordinator should fix before trusting the map.",
            discussion: """
                Checks every active record: values failing the national schema's patterns (postal code, INSEE code, SIRET \
                and its check digit, phone, e-mail, web address) and labels outside their lists, named by source record; \
                coordinates more than 30 km from their commune's centroid (such a place counts at the centroid for every \
                distance until corrected); postal or INSEE codes pointing to another département than the coordinates; \
                places not updated for more than 12 months; places relaying nothing; intermediaries attached to no place \
                and with no zone; referrals to inactive places; opening hours that cannot be read; likely duplicates left \
                unmerged (the near-misses of `maillage dedupe`). Counts by problem, then the rows. Exits 0 when it finds problems: it is a report.
                """)

        enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, csv }

        @OptionGroup var global: GlobalOptions

        @Option(help: "text; json ({today, stale_before, checked, counts, problems}); or csv (one row per problem).")
        var format: Format = .text

        @Option(parsing: .unconditional, help: "At most this many rows of each problem in text output (json and csv list them all).")
        var limit = 20

        @Option(help: ArgumentHelp("The day `date_maj` is measured from (default: today).", valueName: "YYYY-MM-DD"))
        var today: String?

        func validate() throws {
            try NumberRange.check(limit, atLeast: 0, option: "--limit")
            if let today, Self.day(today) == nil {
                throw ValidationError("--today must be a date written YYYY-MM-DD, such as 2025-03-15; got \"\(today)\".")
            }
        }

        func run() async throws {
            let day = today.flatMap(Self.day) ?? Self.currentDay()
            let store = try global.openStore(.read)
            let nearMisses = try store.dedupe(dryRun: true).likelyDuplicates
            let report = try store.qualityReport(today: day, likelyDuplicates: nearMisses)
            switch format {
            case .json: print(try JSONOutput.encode(report))
            case .csv: FileHandle.standardOutput.write(Data(QualityText.csv(report).utf8))
            case .text: print(QualityText.describe(report, limit: limit))
            }
        }

        /// A date alone, YYYY-MM-DD.
        static func day(_ text: String) -> LocalDateTime? {
            text.count == 10 ? LocalDateTime(parsing: text) : nil
        }

        /// Today, on this machine's clock and time zone.
        static func currentDay() -> LocalDateTime {
            let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
            return LocalDateTime(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
        }
    }
}

/// Text and CSV forms of a quality report.
enum QualityText {
    static let csvColumns = ["kind", "id", "nom", "source", "field", "value", "expected", "position", "other_id", "detail"]

    static func describe(_ report: QualityReport, limit: Int) -> String {
        let checked = report.checked
        var lines = ["Data quality on \(report.today): \(checked.sourceRecords) source records of places, \(checked.places) places, "
                     + "\(checked.intermediaries) intermediaries and \(checked.referrals) referrals checked (active ones; stale: updated before \(report.staleBefore))."]
        if report.isClean {
            lines.append("No problem found.")
            return lines.joined(separator: "\n")
        }
        lines.append("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s"):")
        let width = QualityProblemKind.allCases.map(\.rawValue.count).max() ?? 0
        for (kind, count) in report.counts {
            lines.append("  \(kind.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(count).leftPadded(6))  \(kind.summary)")
        }
        for (kind, count) in report.counts where count > 0 {
            lines.append("")
            lines.append("\(kind.rawValue) (\(count)): \(kind.summary)\(kind.concernsSourceRecord ? ", by source record" : "")")
            for problem in report.problems(of: kind).prefix(limit) {
                lines.append("  \(shown: problem.id) (\(shown: problem.nom)) [\(shown: problem.source)]: \(shown: problem.detail)")
            }
            if count > limit { lines.append("  … and \(count - limit) more (--limit, or --format json or csv for every row)") }
        }
        return lines.joined(separator: "\n")
    }

    static func csv(_ report: QualityReport) -> String {
        CSVWriter.table(header: csvColumns, rows: report.problems) { problem in
            [problem.kind.rawValue, problem.id, problem.nom, problem.source, problem.field ?? "", problem.value ?? "",
             problem.expected ?? "", problem.position.map(String.init) ?? "", problem.otherId ?? "", problem.detail]
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
