import Foundation
import Maillage

/// `dedupe`'s report in words and as CSV.
enum DedupeText {
    static func describe(_ proposal: DedupeProposal, dryRun: Bool, limit: Int) -> String {
        if let note = proposal.note { return note }
        let share = proposal.allPairs > 0 ? Double(proposal.pairsExamined) / Double(proposal.allPairs) * 100 : 0
        var lines = [
            "\(proposal.records) active place records from \(proposal.sources) sources: \(proposal.pairsExamined) candidate pairs examined "
                + "(same commune or within 1 km), of \(proposal.allPairs) pairs in all (\(String(format: "%.2f", share)) %).",
        ]
        let verb = dryRun ? "would merge" : "merged"
        let records = Set(proposal.groups.flatMap { $0 }).count
        lines.append("\(dryRun ? "Dry run, nothing changed: " : "")\(proposal.merges.count) pair(s) \(verb) into \(proposal.groups.count) place(s) of \(records) records"
                     + (proposal.bySourcePair.isEmpty ? "." : ": " + proposal.bySourcePair.map { "\($0.name) \($0.count)" }.joined(separator: ", ") + "."))
        if proposal.alreadyMerged > 0 { lines.append("\(proposal.alreadyMerged) pair(s) already one place.") }
        if proposal.keptApart > 0 { lines.append("\(proposal.keptApart) pair(s) over the threshold kept apart: the merge would join records that cannot be one place (a veto, two rows of one source under its threshold, or records set apart with dedupe --never).") }
        if !proposal.vetoes.isEmpty {
            lines.append("Vetoed: " + proposal.vetoes.map { "\($0.name.replacingOccurrences(of: "_", with: " ")) \($0.count)" }.joined(separator: ", ") + ".")
        }
        if !proposal.merges.isEmpty {
            lines.append("")
            lines.append(dryRun ? "Merges it would make, best first:" : "Merges made, best first:")
            lines += proposal.merges.prefix(limit).map(line)
            if proposal.merges.count > limit { lines.append("  … and \(proposal.merges.count - limit) more (--limit, or --format csv for all).") }
        }
        lines.append("")
        if proposal.nearMisses.isEmpty {
            lines.append("No near-misses (score 70 up to the threshold).")
        } else {
            lines.append("\(proposal.nearMisses.count) near-miss(es) to review (score 70 up to the threshold): to merge one, rerun with --within its commune and a lower --threshold (--dry-run first); to keep two apart for good, dedupe --never ID1 ID2:")
            lines += proposal.nearMisses.prefix(limit).map(line)
            if proposal.nearMisses.count > limit { lines.append("  … and \(proposal.nearMisses.count - limit) more (--limit, or --format csv for all).") }
        }
        return lines.joined(separator: "\n")
    }

    private static func line(_ pair: DedupeProposal.Pair) -> String {
        "  \(PairComparison.rounded(pair.score))  \(shown: pair.first.nom) [\(shown: pair.first.id)] + \(shown: pair.second.nom) [\(shown: pair.second.id)]"
            + (pair.first.codeInsee.map { " in \($0)" } ?? "") + ": \(shown: pair.reason)"
    }

    static func csv(_ proposal: DedupeProposal) -> String {
        let rows = proposal.merges.map { (proposal.applied ? "merged" : "merge", $0) } + proposal.nearMisses.map { ("near_miss", $0) }
        return CSVWriter.table(header: ["status", "score", "rule", "reason", "first_id", "first_nom", "first_source", "second_id", "second_nom",
                                        "second_source", "code_insee", "name", "street", "distance"], rows: rows) { status, pair in
            let parts = pair.comparison
            return [status, PairComparison.rounded(pair.score), pair.rule.rawValue, pair.reason,
                    pair.first.id, pair.first.nom, pair.first.source, pair.second.id, pair.second.nom, pair.second.source,
                    pair.first.codeInsee ?? "", PairComparison.rounded(parts.name), parts.street.map(PairComparison.rounded) ?? "",
                    parts.distance.map(PairComparison.rounded) ?? ""]
        }
    }
}
