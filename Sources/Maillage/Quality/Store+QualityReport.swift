import GRDB

extension Store {
    /// The data-quality report a coordinator reads before trusting the map: every problem found
    /// in the active records, by kind (``QualityProblemKind``), in one read.
    ///
    /// Values are checked on each source record (so that its source can be fixed); where a place
    /// stands, its age, its hours and what it relays are checked on each real place (a merged
    /// group once). `today` is the day `date_maj` is measured from; `likelyDuplicates` are the
    /// near-misses of deduplication, listed as they are given. Inactive records are left out.
    public func qualityReport(today: LocalDateTime, likelyDuplicates: [LikelyDuplicate] = []) throws -> QualityReport {
        try writer.read { db in
            var problems: [QualityProblem] = []
            var checked = QualityReport.Checked()

            let recordChecks = try SourceRecordChecks(taxonomy: try Self.taxonomy(db))
            let records = try QualityRows.SourceRecord.fetchCursor(db, sql: QualityRows.SourceRecord.sql)
            while let record = try records.next() {
                checked.sourceRecords += 1
                problems += recordChecks.problems(of: record)
            }

            let placeChecks = PlaceChecks(communes: try QualityRows.Commune.fetchAll(db, sql: QualityRows.Commune.sql), today: today)
            var groupSources: [Int64: [String]] = [:]
            for row in try QualityRows.GroupSource.fetchAll(db, sql: QualityRows.GroupSource.sql) { groupSources[row.head, default: []].append(row.source) }
            let relaying = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT node_id FROM shown_relay"))
            let zoned = Set(try Int64.fetchAll(db, sql: "SELECT DISTINCT node_id FROM shown_zone"))
            let workplaces = try QualityRows.Workplace.fetchAll(db, sql: QualityRows.Workplace.sql)
            let intermediaries = try QualityRows.Intermediary.fetchAll(db, sql: QualityRows.Intermediary.sql)
            let activeIntermediaries = Set(intermediaries.map(\.id))
            // A place relays what it relays itself and what the active teams working there relay.
            var relayingPlaces = relaying
            for workplace in workplaces where activeIntermediaries.contains(workplace.intermediary) && relaying.contains(workplace.intermediary) {
                relayingPlaces.insert(workplace.place)
            }

            let places = try QualityRows.Place.fetchAll(db, sql: QualityRows.Place.sql)
            var sourceOfPlace: [String: String] = [:]
            for place in places {
                checked.places += 1
                let source = groupSources[place.id]?.joined(separator: "|") ?? place.source
                sourceOfPlace[place.publicId] = source
                problems += placeChecks.problems(of: place, source: source)
                if !relayingPlaces.contains(place.id) {
                    problems.append(QualityProblem(kind: .relaysNothing, id: place.publicId, nom: place.nom, source: source, field: "services",
                                                   expected: "at least one service relayed by the place or a team working there",
                                                   detail: "neither the place nor any active team working there relays a service"))
                }
            }

            let activePlaces = Set(places.map(\.id))
            var attached = Set<Int64>()
            for workplace in workplaces where activePlaces.contains(workplace.place) { attached.insert(workplace.intermediary) }
            for intermediary in intermediaries {
                checked.intermediaries += 1
                guard !attached.contains(intermediary.id), !zoned.contains(intermediary.id) else { continue }
                problems.append(QualityProblem(kind: .intermediaryUnattached, id: intermediary.publicId, nom: intermediary.nom, source: intermediary.source,
                                               field: "works_at", expected: "an active place where it works, or a zone of intervention",
                                               detail: "works at no active place and has no zone of intervention: no place or territory leads to it"))
            }

            let referrals = try QualityRows.Referral.fetchCursor(db, sql: QualityRows.Referral.sql)
            while let referral = try referrals.next() {
                checked.referrals += 1
                guard !referral.targetActive else { continue }
                let what = referral.targetKind == "place" ? "a place" : "an intermediary"
                let service = referral.service.map { " for \($0)" } ?? ""
                problems.append(QualityProblem(kind: .referralToInactive, id: referral.sourceId, nom: referral.sourceNom, source: referral.source,
                                               field: "target_id", value: referral.targetId, expected: "an active place or intermediary",
                                               otherId: referral.targetId,
                                               detail: "refers people\(service) to \(referral.targetId) (\(referral.targetNom)), \(what) no longer active"))
            }

            for pair in likelyDuplicates {
                problems.append(QualityProblem(kind: .likelyDuplicate, id: pair.firstId, nom: pair.firstNom, source: sourceOfPlace[pair.firstId] ?? "",
                                               value: pair.secondNom, otherId: pair.secondId,
                                               detail: "may be the same place as \(pair.secondId) (\(pair.secondNom)): likeness \(Self.score(pair.score)) of 100, "
                                                   + "below the threshold of an automatic merge; merge them, or record that they differ"))
            }
            for conflict in try Self.editConflicts(db) {
                problems.append(QualityProblem(kind: .editConflict, id: conflict.place, nom: conflict.nom ?? conflict.place, source: "edits",
                                               field: conflict.field, value: conflict.sourceNow, expected: conflict.edited,
                                               detail: "edited to \(Self.quoted(conflict.edited)) by edit \(conflict.edit); its source now says "
                                                   + "\(Self.quoted(conflict.sourceNow)) (\(Self.quoted(conflict.sourceAtEdit)) when edited): "
                                                   + "keep the edit, or undo it to take the source's value"))
            }
            return QualityReport(today: placeChecks.today, staleBefore: placeChecks.staleBefore, checked: checked, problems: problems)
        }
    }

    /// A likeness score: whole when it is, one decimal otherwise.
    private static func score(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
    }

    /// A value in quotes, or "nothing".
    private static func quoted(_ value: String?) -> String { value.map { "\"\($0)\"" } ?? "nothing" }
}
