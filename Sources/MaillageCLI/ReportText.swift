import Foundation
import Maillage

/// The text form of an import report. Issues are listed up to a cap, then counted, so that a bad
/// file cannot flood the terminal; `--format json` lists them all, with their totals.
enum ReportText {
    static func describe(_ report: ImportReport, maxWarnings: Int) -> String {
        let retired = report.retired > 0 ? ", \(report.retired) retired (no longer in the list: marked inactive)" : ""
        var lines = ["\(shown: report.file) (\(report.kind)): \(report.rowsRead) rows read, \(report.rowsImported) imported (\(report.inserted) new, \(report.updated) updated, \(report.unchanged) unchanged)\(retired), \(report.rowsRejected) rejected, \(report.errors.count) error(s), \(report.warnings.count) warnings."]
        for figure in report.figures { lines.append("  \(shown: figure.name): \(figure.value)") }
        if !report.corrections.isEmpty {
            lines.append("  repaired:")
            for figure in report.corrections { lines.append("    \(shown: figure.name): \(figure.value)") }
        }
        lines += errorLines(report).map { "  " + $0 }
        for issue in report.warnings.prefix(maxWarnings) { lines.append("  \(shown: "\(issue)")") }
        if report.warnings.count > maxWarnings { lines.append("  … and \(report.warnings.count - maxWarnings) more warning(s) (--max-warnings N, or --format json, lists them).") }
        return lines.joined(separator: "\n")
    }

    /// The message of a refused import, in the CLI's words.
    static func failure(_ report: ImportReport) -> String {
        let head = "\(report.file): \(report.errors.count) error(s) in \(report.rowsRejected) row(s); nothing was imported. Fix them, or pass --skip-invalid to import the valid rows."
        return ([head] + errorLines(report)).joined(separator: "\n")
    }

    /// The first ``ImportReport/listedIssues`` errors, then how many more and the total.
    private static func errorLines(_ report: ImportReport) -> [String] {
        var lines = report.errors.prefix(ImportReport.listedIssues).map { "\(shown: "\($0)")" }
        if report.errors.count > ImportReport.listedIssues {
            lines.append("… and \(report.errors.count - ImportReport.listedIssues) more error(s), \(report.errors.count) in all (--format json lists them all).")
        }
        return lines
    }
}

/// A refused import, worded for the command line.
struct ImportRefused: LocalizedError, CustomStringConvertible {
    var report: ImportReport
    var description: String { ReportText.failure(report) }
    var errorDescription: String? { description }
}
