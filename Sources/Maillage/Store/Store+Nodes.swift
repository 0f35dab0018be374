import Foundation
import GRDB

/// Writes one import batch: places, intermediaries and referrals, with their edges.
/// Every statement is prepared once and reused; nodes are keyed by their public id.
struct BatchWriter {
    let db: Database
    private let insertNode: BulkStatement
    private let upsertPlace: BulkStatement
    private let upsertIntermediary: BulkStatement
    private let insertRelay: BulkStatement
    private let insertLabel: BulkStatement
    private let insertWorkplace: BulkStatement
    private let insertZone: BulkStatement
    private var nodes: [String: (id: Int64, kind: String, source: Int64)] = [:]
    private var sources: [String: Int64] = [:]
    /// For each source line written, whether it created its first node (new) or updated one.
    private(set) var linesWritten: [Int: Bool] = [:]
    private(set) var linesRejected: Set<Int> = []
    /// The existing nodes each line wrote, to tell updated lines from unchanged ones.
    private var nodesOfLine: [Int: [Int64]] = [:]
    /// Referral lines that changed nothing (the same link with the same weight was stored).
    private var referralsUnchanged: Set<Int> = []
    /// Every node the batch wrote, and the sources they belong to.
    private var claimed: Set<Int64> = []
    private var claimedSources: Set<Int64> = []
    /// The digests of the existing nodes of the sources written, taken before the batch wrote any.
    private var digestsBefore: [Int64: Int] = [:]
    private var digestedSources: Set<Int64> = []
    private let serviceIds: [String: Int64]
    private let programmeIds: [String: Int64]

    init(db: Database) throws {
        self.db = db
        for row in try Row.fetchAll(db, sql: "SELECT public_id, id, kind, source_id FROM node") {
            nodes[row["public_id"]] = (row["id"], row["kind"], row["source_id"])
        }
        for row in try Row.fetchAll(db, sql: "SELECT name, id FROM source") { sources[row["name"]] = row["id"] }
        serviceIds = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT slug, id FROM service").map { ($0["slug"], $0["id"]) })
        programmeIds = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT slug, id FROM programme").map { ($0["slug"], $0["id"]) })
        insertNode = try BulkStatement(db, sql: "INSERT INTO node (kind, public_id, source_id, active, details) VALUES (?, ?, ?, ?, ?)")
        upsertPlace = try BulkStatement(db, sql: Self.placeUpsert)
        upsertIntermediary = try BulkStatement(db, sql: """
            INSERT INTO intermediary (node_id, nom, actor_type, headcount, itinerance, modalites_accompagnement) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (node_id) DO UPDATE SET nom = excluded.nom, actor_type = excluded.actor_type, headcount = excluded.headcount,
                itinerance = excluded.itinerance, modalites_accompagnement = excluded.modalites_accompagnement
            """)
        insertRelay = try BulkStatement(db, sql: "INSERT OR IGNORE INTO relay (node_id, service_id, remote) VALUES (?, ?, ?)")
        insertLabel = try BulkStatement(db, sql: "INSERT OR IGNORE INTO labelled (node_id, programme_id) VALUES (?, ?)")
        insertWorkplace = try BulkStatement(db, sql: "INSERT OR IGNORE INTO works_at (intermediary_id, place_id) VALUES (?, ?)")
        insertZone = try BulkStatement(db, sql: "INSERT OR IGNORE INTO zone (node_id, level, code) VALUES (?, ?, ?)")
    }

    /// Writes the batch; rows that conflict with the database are reported as errors and left out.
    /// Counts the rows written into `report`: new, updated (something stored about them changed)
    /// and unchanged.
    mutating func write(_ batch: ImportBatch, report: inout ImportReport) throws {
        for source in ([batch.source] + batch.places.compactMap(\.sourceLabel)) { try digestBeforeWriting(source) }
        try writeNodes(batch, report: &report)
        try count(into: &report)
    }

    /// Writes one place of `source` (unless its row names its own); a streamed import calls it row
    /// by row, then ``count(into:)``.
    mutating func write(_ place: PlaceDraft, source: String, report: inout ImportReport) throws {
        let source = place.sourceLabel ?? source
        try digestBeforeWriting(source)
        if let node = try claimNode(place.publicId, kind: "place", source: source, line: place.line,
                                    active: place.active, details: place.details, report: &report) {
            try writePlace(place, id: node.id, isNew: node.isNew)
        }
    }

    /// Keeps the digests of an existing source's nodes, once, before the batch writes any of them.
    private mutating func digestBeforeWriting(_ source: String) throws {
        guard let id = sources[source], digestedSources.insert(id).inserted else { return }
        digestsBefore.merge(try NodeDigests.of(sources: [id], in: db)) { _, new in new }
    }

    /// Counts the rows written into `report`: new, updated (something stored about them changed)
    /// and unchanged.
    func count(into report: inout ImportReport) throws {
        let before = digestsBefore
        let after = try NodeDigests.of(sources: digestedSources, in: db)
        report.rowsImported = linesWritten.count
        report.inserted = linesWritten.values.filter { $0 }.count
        report.unchanged = linesWritten.filter { line, isNew in
            guard !isNew else { return false }
            if let nodes = nodesOfLine[line] { return nodes.allSatisfy { before[$0] != nil && before[$0] == after[$0] } }
            return referralsUnchanged.contains(line)
        }.count
        report.updated = report.rowsImported - report.inserted - report.unchanged
        report.rowsRejected += linesRejected.subtracting(linesWritten.keys).count
    }

    /// Marks as gone (inactive, not deleted) the active nodes of the sources this batch wrote that
    /// the batch did not write: the rows that left the list. Counts them into `report`.
    func retireAbsent(report: inout ImportReport) throws {
        guard !claimedSources.isEmpty else { return }
        let candidates = try Row.fetchAll(db, SQLRequest<Row>(literal: """
            SELECT id, kind FROM node WHERE active AND source_id IN \(claimedSources.sorted())
            """))
        var retired = (places: 0, intermediaries: 0)
        for row in candidates {
            let id: Int64 = row["id"]
            guard !claimed.contains(id) else { continue }
            try db.cachedStatement(sql: "UPDATE node SET active = 0 WHERE id = ?").execute(arguments: [id])
            if row["kind"] as String == "place" { retired.places += 1 } else { retired.intermediaries += 1 }
        }
        report.retired = retired.places > 0 ? retired.places : retired.intermediaries
        if retired.places > 0, retired.intermediaries > 0 {
            report.add("intermediaries retired with their structures", retired.intermediaries)
        }
    }

    private mutating func writeNodes(_ batch: ImportBatch, report: inout ImportReport) throws {
        for place in batch.places { try write(place, source: batch.source, report: &report) }
        for intermediary in batch.intermediaries {
            let placeIds = intermediary.placeIds.compactMap { nodes[$0].flatMap { $0.kind == "place" ? $0.id : nil } }
            if placeIds.count != intermediary.placeIds.count {
                let missing = intermediary.placeIds.filter { nodes[$0]?.kind != "place" }
                report.errors.append(issue(report, line: intermediary.line, column: "place_id", value: missing.joined(separator: "|"),
                                           StoredNodes.unknownReferenceMessage(.place)))
                linesRejected.insert(intermediary.line)
                continue
            }
            if let node = try claimNode(intermediary.publicId, kind: "intermediary", source: batch.source, line: intermediary.line,
                                        active: intermediary.active, details: intermediary.details, report: &report) {
                try writeIntermediary(intermediary, id: node.id, isNew: node.isNew, placeIds: placeIds)
            }
        }
        for referral in batch.referrals {
            guard let source = nodes[referral.sourceId], let target = nodes[referral.targetId] else {
                let unknown = nodes[referral.sourceId] == nil ? ("source_id", referral.sourceId) : ("target_id", referral.targetId)
                report.errors.append(issue(report, line: referral.line, column: unknown.0, value: unknown.1,
                                           StoredNodes.unknownReferenceMessage(nil)))
                linesRejected.insert(referral.line)
                continue
            }
            let stored = try Row.fetchOne(db, sql: """
                SELECT weight FROM referral WHERE source_node_id = ? AND target_node_id = ? AND IFNULL(service_id, 0) = ?
                """, arguments: [source.id, target.id, referral.serviceSlug.flatMap { serviceIds[$0] } ?? 0])
            let existed = stored != nil
            if let stored, stored["weight"] as Double? == referral.weight, linesWritten[referral.line] == nil { referralsUnchanged.insert(referral.line) }
            try db.cachedStatement(sql: """
                INSERT INTO referral (source_node_id, target_node_id, service_id, weight) VALUES (?, ?, ?, ?)
                ON CONFLICT (source_node_id, target_node_id, IFNULL(service_id, 0)) DO UPDATE SET weight = excluded.weight
                """).execute(arguments: [source.id, target.id, referral.serviceSlug.flatMap { serviceIds[$0] }, referral.weight])
            if linesWritten[referral.line] == nil { linesWritten[referral.line] = !existed }
        }
    }

    /// Finds or creates the node for `publicId` and returns its row id and whether it is new, or
    /// nil (with an error reported) when the id is held by another source or kind.
    private mutating func claimNode(
        _ publicId: String, kind: String, source: String, line: Int, active: Bool, details: [String: String],
        report: inout ImportReport
    ) throws -> (id: Int64, isNew: Bool)? {
        let sourceId = try sourceId(source)
        let detailsJSON = details.isEmpty ? nil : JSONText.object(details)
        if let existing = nodes[publicId] {
            guard existing.kind == kind, existing.source == sourceId else {
                let owner = StoredNodes.Owner(kind: existing.kind == "place" ? .place : .intermediary,
                                              source: sources.first { $0.value == existing.source }?.key ?? "?")
                report.errors.append(issue(report, line: line, column: "id", value: publicId, StoredNodes.ownershipMessage(owner)))
                linesRejected.insert(line)
                return nil
            }
            try db.cachedStatement(sql: "UPDATE node SET active = ?, details = ? WHERE id = ?")
                .execute(arguments: [active, detailsJSON, existing.id])
            if linesWritten[line] == nil { linesWritten[line] = false }
            nodesOfLine[line, default: []].append(existing.id)
            claimed.insert(existing.id)
            claimedSources.insert(sourceId)
            return (existing.id, false)
        } else {
            try insertNode.bind(kind).bind(publicId).bind(sourceId).bind(active).bind(detailsJSON).run()
            let id = db.lastInsertedRowID
            nodes[publicId] = (id, kind, sourceId)
            if linesWritten[line] == nil { linesWritten[line] = true }
            claimed.insert(id)
            claimedSources.insert(sourceId)
            return (id, true)
        }
    }

    private mutating func sourceId(_ name: String) throws -> Int64 {
        if let id = sources[name] { return id }
        try db.execute(sql: "INSERT INTO source (name) VALUES (?)", arguments: [name])
        sources[name] = db.lastInsertedRowID
        return db.lastInsertedRowID
    }

    private static let placeColumns = ["node_id", "code_insee", "placement", "latitude", "longitude", "source_label", "unrecognised"]
        + LieuColumn.storedAsText.map(\.rawValue)

    private static let placeUpsert = """
        INSERT INTO place (\(placeColumns.joined(separator: ", "))) VALUES (\(placeColumns.map { _ in "?" }.joined(separator: ", ")))
        ON CONFLICT (node_id) DO UPDATE SET \(placeColumns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
        """

    private func writePlace(_ place: PlaceDraft, id: Int64, isNew: Bool) throws {
        upsertPlace.bind(id).bind(place.codeInsee).bind(place.placement.storedValue).bind(place.latitude).bind(place.longitude)
            .bind(place.sourceLabel).bind(place.unrecognised.isEmpty ? nil : JSONText.object(place.unrecognised))
        for column in LieuColumn.storedAsText { upsertPlace.bind(place.text[column]) }
        try upsertPlace.run()
        try replaceEdges(of: id, isNew: isNew, services: place.serviceSlugs.map { ($0, false) }, zone: place.zone)
        if !isNew { try db.cachedStatement(sql: "DELETE FROM labelled WHERE node_id = ?").execute(arguments: [id]) }
        for slug in place.programmeSlugs {
            guard let programme = programmeIds[slug] else { continue }
            try insertLabel.bind(id).bind(programme).run()
        }
    }

    private func writeIntermediary(_ intermediary: IntermediaryDraft, id: Int64, isNew: Bool, placeIds: [Int64]) throws {
        try upsertIntermediary.bind(id).bind(intermediary.nom).bind(intermediary.actorType).bind(intermediary.headcount)
            .bind(intermediary.itinerance).bind(intermediary.modalitesAccompagnement).run()
        if !isNew { try db.cachedStatement(sql: "DELETE FROM works_at WHERE intermediary_id = ?").execute(arguments: [id]) }
        for place in placeIds {
            try insertWorkplace.bind(id).bind(place).run()
        }
        try replaceEdges(of: id, isNew: isNew, services: intermediary.serviceSlugs.map { ($0, intermediary.remote) }, zone: intermediary.zone)
    }

    /// Replaces a node's relays and zone of intervention (a new node has none to remove).
    private func replaceEdges(of id: Int64, isNew: Bool, services: [(slug: String, remote: Bool)], zone: [ZoneEntry]) throws {
        if !isNew { try db.cachedStatement(sql: "DELETE FROM relay WHERE node_id = ?").execute(arguments: [id]) }
        for service in services {
            guard let serviceId = serviceIds[service.slug] else { continue }
            try insertRelay.bind(id).bind(serviceId).bind(service.remote).run()
        }
        if !isNew { try db.cachedStatement(sql: "DELETE FROM zone WHERE node_id = ?").execute(arguments: [id]) }
        for entry in zone {
            try insertZone.bind(id).bind(entry.level.rawValue).bind(entry.code).run()
        }
    }

    private func issue(_ report: ImportReport, line: Int, column: String, value: String, _ message: String) -> ImportIssue {
        ImportIssue(severity: .error, file: report.file, line: line, column: column, value: value, message: message)
    }
}
