import Foundation
import GRDB

extension Store {
    /// Editors' referrals (migration v7): added ones, and removals of referrals the sources give,
    /// kept apart from the imported `referral` rows so that a re-import neither brings back a
    /// removed referral nor loses an added one. `shown_referral` reads through them.
    static func referralEdits(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE referral_edit (
                id INTEGER PRIMARY KEY,
                source_node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                target_node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                service_id INTEGER REFERENCES service(id),
                weight REAL CHECK (weight >= 0),
                removed BOOLEAN NOT NULL,
                edit_id INTEGER NOT NULL REFERENCES edit(id) ON DELETE CASCADE,
                CHECK (source_node_id <> target_node_id));
            CREATE INDEX referral_edit_pair ON referral_edit(source_node_id, target_node_id);
            DROP VIEW shown_referral;
            CREATE VIEW shown_referral AS
                SELECT MIN(r.id) AS id, COALESCE(gs.head_id, r.source_node_id) AS source_node_id,
                       COALESCE(gt.head_id, r.target_node_id) AS target_node_id, r.service_id, SUM(r.weight) AS weight
                FROM (
                    SELECT i.id, i.source_node_id, i.target_node_id, i.service_id, i.weight FROM referral i
                    WHERE NOT EXISTS (SELECT 1 FROM referral_edit d JOIN node_head hs ON hs.id = i.source_node_id JOIN node_head ht ON ht.id = i.target_node_id
                                      WHERE d.removed AND d.source_node_id = hs.head_id AND d.target_node_id = ht.head_id)
                    UNION ALL
                    SELECT -a.id, a.source_node_id, a.target_node_id, a.service_id, a.weight FROM referral_edit a
                    WHERE NOT a.removed AND NOT EXISTS (SELECT 1 FROM referral_edit d WHERE d.removed AND d.id > a.id
                                                        AND d.source_node_id = a.source_node_id AND d.target_node_id = a.target_node_id)
                ) r
                LEFT JOIN place_group gs ON gs.node_id = r.source_node_id LEFT JOIN place_group gt ON gt.node_id = r.target_node_id
                GROUP BY 2, 3, IFNULL(r.service_id, 0)
                HAVING source_node_id <> target_node_id;
            """)
    }

    /// Records that `from` refers people to `to` (any of their source ids), for a service or any;
    /// journaled on `from` as the field `orientation:TO`.
    @discardableResult
    public func addReferral(from: String, to: String, service: String? = nil, weight: Double? = nil, editor: String,
                            at date: Date = Date()) throws -> JournalEntry {
        try writer.write { db in
            let (source, target) = (try Self.resolve(from, db), try Self.resolve(to, db))
            guard source != target else { throw EditError.selfReferral(from) }
            let serviceId = try service.map { name -> Int64 in
                let catalog = try ServiceCatalog(taxonomy: try Self.taxonomy(db))
                let slug = catalog.slugs[try catalog.service(named: name)]
                return try Int64.fetchOne(db, sql: "SELECT id FROM service WHERE slug = ?", arguments: [slug]) ?? 0
            }
            let targetId = try Self.publicId(of: target, db)
            let edit = try Self.journal(node: source, editor: editor, action: "edit", at: date, db)
            let label = try serviceId.flatMap { try String.fetchOne(db, sql: "SELECT label FROM service WHERE id = ?", arguments: [$0]) }
            try db.execute(sql: "INSERT INTO edit_change (edit_id, field, before, after) VALUES (?, ?, NULL, ?)",
                           arguments: [edit, "orientation:" + targetId, "oriente vers \(targetId)" + (label.map { " pour \($0)" } ?? "")])
            try db.execute(sql: """
                INSERT INTO referral_edit (source_node_id, target_node_id, service_id, weight, removed, edit_id) VALUES (?, ?, ?, ?, 0, ?)
                """, arguments: [source, target, serviceId, weight, edit])
            try Self.dataChanged(db)
            return try Self.journalEntry(edit, db)
        }
    }

    /// Removes every referral from `from` to `to` (any service); an unknown one is an error.
    @discardableResult
    public func removeReferral(from: String, to: String, editor: String, at date: Date = Date()) throws -> JournalEntry {
        try writer.write { db in
            let (source, target) = (try Self.resolve(from, db), try Self.resolve(to, db))
            let shown = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM shown_referral WHERE source_node_id = ? AND target_node_id = ?",
                                         arguments: [source, target]) ?? 0
            guard shown > 0 else { throw EditError.noReferral(from: from, to: to) }
            let targetId = try Self.publicId(of: target, db)
            let edit = try Self.journal(node: source, editor: editor, action: "edit", at: date, db)
            try db.execute(sql: "INSERT INTO edit_change (edit_id, field, before, after) VALUES (?, ?, ?, NULL)",
                           arguments: [edit, "orientation:" + targetId, "oriente vers \(targetId)"])
            try db.execute(sql: "INSERT INTO referral_edit (source_node_id, target_node_id, removed, edit_id) VALUES (?, ?, 1, ?)",
                           arguments: [source, target, edit])
            try Self.dataChanged(db)
            return try Self.journalEntry(edit, db)
        }
    }
}
