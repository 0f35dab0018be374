import GRDB

extension Store {
    /// Edits of intermediaries (migration v8), kept apart from the source records as places' are.
    ///
    /// `place_edit` becomes `node_edit`: it holds the edited fields of places and intermediaries
    /// alike (an intermediary's by the names of maillage's intermediaries CSV: `nom`, `type`,
    /// `headcount`, `services`, `zone`, `place_id`, `modalites_accompagnement`, `itinerance`).
    /// ``EditOverlay`` derives `edited_intermediary`, `edited_zone` and `edited_works_at` from them,
    /// and the `shown_*` views put those over the records. An edited `modalites_accompagnement`
    /// replaces the node's relays too: it says whether an intermediary helps remotely.
    static func intermediaryEdits(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE place_edit RENAME TO node_edit")
        try createTable("edited_intermediary", shapedLike: "intermediary", db)
        try db.execute(sql: """
            CREATE TABLE edited_zone (
                node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                level TEXT NOT NULL,
                code TEXT NOT NULL,
                PRIMARY KEY (node_id, level, code)) WITHOUT ROWID;
            CREATE TABLE edited_works_at (
                intermediary_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                place_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                PRIMARY KEY (intermediary_id, place_id)) WITHOUT ROWID;

            CREATE VIEW shown_intermediary AS
                SELECT * FROM intermediary WHERE node_id NOT IN (SELECT node_id FROM edited_intermediary)
                UNION ALL SELECT * FROM edited_intermediary;
            DROP VIEW shown_relay;
            CREATE VIEW shown_relay AS
                SELECT * FROM relay WHERE node_id NOT IN (SELECT node_id FROM place_group)
                    AND node_id NOT IN (SELECT node_id FROM node_edit WHERE field IN ('services', 'modalites_accompagnement'))
                UNION ALL SELECT * FROM merged_relay WHERE node_id NOT IN (SELECT node_id FROM node_edit WHERE field IN ('services', 'modalites_accompagnement'))
                UNION ALL SELECT * FROM edited_relay;
            DROP VIEW shown_zone;
            CREATE VIEW shown_zone AS
                SELECT * FROM zone WHERE node_id NOT IN (SELECT node_id FROM place_group)
                    AND node_id NOT IN (SELECT node_id FROM node_edit WHERE field = 'zone')
                UNION ALL SELECT * FROM merged_zone
                UNION ALL SELECT * FROM edited_zone;
            DROP VIEW shown_works_at;
            CREATE VIEW shown_works_at AS
                SELECT DISTINCT w.intermediary_id, COALESCE(g.head_id, w.place_id) AS place_id
                FROM (SELECT intermediary_id, place_id FROM works_at
                      WHERE intermediary_id NOT IN (SELECT node_id FROM node_edit WHERE field = 'place_id')
                      UNION ALL SELECT intermediary_id, place_id FROM edited_works_at) w
                LEFT JOIN place_group g ON g.node_id = w.place_id;
            """)
    }
}
