import Maillage

/// The text form of an import report.
enum ReportText {
    static func describe(_ report: ImportReport, maxWarnings: Int) -> String {
        let retired = report.retired > 0 ? ", \(report.retired) retired (no longer in the list: marked inactive)" : ""
        var lines = ["\(shown: report.file) (\(report.kind)): \(report.rowsRead) rows read, \(report.rowsImported) imported (\(report.inserted) new, \(report.updated) updated, \(report.unchanged) unchanged)\(retired), \(report.rowsRejected) rejected, \(report.warnings.count) warnings."]
        for figure in report.figures { lines.append("  \(shown: figure.name): \(figure.value)") }
        if !report.corrections.isEmpty {
            lines.append("  repaired:")
            for figure in report.corrections { lines.append("    \(shown: figure.name): \(figure.value)") }
        }
        for issue in report.errors.prefix(ImportReport.listedIssues) { lines.append("  \(shown: "\(issue)")") }
        if report.errors.count > ImportReport.listedIssues { lines.append("  … and \(report.errors.count - ImportReport.listedIssues) more error(s).") }
        for issue in report.warnings.prefix(maxWarnings) { lines.append("  \(shown: "\(issue)")") }
        if report.warnings.count > maxWarnings { lines.append("  … and \(report.warnings.count - maxWarnings) more warning(s) (--max-warnings N, or --format json, lists them).") }
        return lines.joined(separator: "\n")
    }
}
