/// Reads referral links: `source_id,target_id,service,weight` (service and weight may be empty),
/// between places or intermediaries already imported, named by their public ids.
package enum ReferralsImporter {
    package static let required = RequiredColumns(kind: "referrals", names: ["source_id", "target_id"])

    package static func parse(_ file: TabularFile, context: ImportContext, report: inout ImportReport) throws(MaillageError) -> [ReferralDraft] {
        let at = try file.positions(of: required)
        let serviceAt = file.column("service"), weightAt = file.column("weight")
        var result: [ReferralDraft] = []
        var seen: [String: Int] = [:]
        for record in file.records {
            report.rowsRead += 1
            var reader = RowReader(file: file, record: record)
            guard reader.checkWidth() else {
                _ = reader.finish(into: &report)
                continue
            }
            let source = reader.value(at: at[0]), target = reader.value(at: at[1])
            if source == nil { reader.error(at[0], nil, "expected the id of the place or intermediary that refers") }
            if target == nil { reader.error(at[1], nil, "expected the id of the place or intermediary referred to") }
            if let source, source == target { reader.error(at[1], target, "a referral must lead somewhere else; expected a target other than the source") }
            var service: String?
            if let raw = reader.value(at: serviceAt) {
                if let found = context.serviceSlug(for: raw) {
                    service = found.slug
                    if found.corrected { reader.warning(serviceAt, raw, "read as service '\(found.slug)'") }
                } else {
                    reader.warning(serviceAt, raw, "unknown service; the referral is kept for all services (closest: \(context.services.closest(to: raw).joined(separator: ", ")))")
                }
            }
            var weight: Double?
            if let raw = reader.value(at: weightAt) {
                if let value = Coordinates.number(raw), value.isFinite, value >= 0 { weight = value } else {
                    reader.error(weightAt, raw, "expected a weight: a number zero or more, or nothing")
                }
            }
            if let source { reader.checkReferences([source], to: nil, in: context.nodes, at: at[0]) }
            if let target { reader.checkReferences([target], to: nil, in: context.nodes, at: at[1]) }
            guard reader.finish(into: &report), let source, let target else { continue }
            let key = "\(source)\u{0}\(target)\u{0}\(service ?? "")"
            if let first = seen[key] {
                report.warnings.append(ImportIssue(severity: .warning, file: file.name, line: record.line, column: nil, value: "\(source) → \(target)",
                                                   message: "same referral as line \(first); this line's weight wins"))
                result.removeAll { "\($0.sourceId)\u{0}\($0.targetId)\u{0}\($0.serviceSlug ?? "")" == key }
            }
            seen[key] = record.line
            result.append(ReferralDraft(line: record.line, sourceId: source, targetId: target, serviceSlug: service, weight: weight))
        }
        return result
    }
}
