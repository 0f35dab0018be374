import GRDB

extension Store {
    /// Edits made by editors (`maillage serve`), kept apart from the source records.
    ///
    /// An edit sets fields of a place as shown (a record, or a merged place's head): `place_edit`
    /// holds the current edited value of each field, with the source's value when it was edited
    /// (to notice a re-import that changes it). `edited_place` and `edited_relay` are the shown place
    /// with its edits applied (``EditOverlay``), derived again after every edit, import and merge;
    /// the `shown_*` views put them over the records and merged places, so every answer, page and
    /// export reads the edited values, and a re-import never overwrites them. `edit` and
    /// `edit_change` are the journal: who, when, and each field before and after.
    static func edits(_ db: Database) throws {
        try createTable("edited_place", shapedLike: "place", db)
        try db.execute(sql: """
            CREATE TABLE edit (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                editor TEXT NOT NULL CHECK (length(editor) > 0),
                node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                action TEXT NOT NULL CHECK (action IN ('edit', 'verified', 'undo')),
                undoes INTEGER REFERENCES edit(id));
            CREATE INDEX edit_node ON edit(node_id);
            CREATE TABLE edit_change (
                edit_id INTEGER NOT NULL REFERENCES edit(id) ON DELETE CASCADE,
                field TEXT NOT NULL,
                before,
                after,
                -- the edit that set the field before this one (NULL: the field showed the sources' value)
                previous_edit_id INTEGER REFERENCES edit(id),
                PRIMARY KEY (edit_id, field)) WITHOUT ROWID;
            CREATE TABLE place_edit (
                node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                field TEXT NOT NULL,
                value,
                source_value,
                edit_id INTEGER NOT NULL REFERENCES edit(id),
                PRIMARY KEY (node_id, field)) WITHOUT ROWID;
            CREATE TABLE edited_relay (
                node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                service_id INTEGER NOT NULL REFERENCES service(id),
                remote BOOLEAN NOT NULL DEFAULT 0,
                PRIMARY KEY (node_id, service_id)) WITHOUT ROWID;

            DROP VIEW shown_place;
            CREATE VIEW shown_place AS
                SELECT * FROM place WHERE node_id NOT IN (SELECT node_id FROM place_group) AND node_id NOT IN (SELECT node_id FROM edited_place)
                UNION ALL SELECT * FROM merged_place WHERE node_id NOT IN (SELECT node_id FROM edited_place)
                UNION ALL SELECT * FROM edited_place;
            DROP VIEW shown_relay;
            CREATE VIEW shown_relay AS
                SELECT * FROM relay WHERE node_id NOT IN (SELECT node_id FROM place_group)
                    AND node_id NOT IN (SELECT node_id FROM place_edit WHERE field = 'services')
                UNION ALL SELECT * FROM merged_relay WHERE node_id NOT IN (SELECT node_id FROM place_edit WHERE field = 'services')
                UNION ALL SELECT * FROM edited_relay;
            """)
    }
}
