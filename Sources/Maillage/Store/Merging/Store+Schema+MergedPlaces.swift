import GRDB

extension Store {
    /// One real place, one node: places merged from several source records.
    ///
    /// Every source row stays a node of its own, with its rows exactly as imported: the node is
    /// that row's *source record*, and a re-import updates it in place. Merging puts records in a
    /// `place_group` under a head (the primary record's node, which points at itself); the head
    /// stands for the whole group, with attributes derived from every record (``PlaceGroupDerivation``)
    /// and kept in the `merged_*` tables. The `shown_*` views are what every answer reads: one row
    /// per real place, the members' edges carried over to their head. Unmerging deletes the group
    /// and its derived rows, and the records show again exactly as they were.
    static func mergedPlaces(_ db: Database) throws {
        try createTable("merged_place", shapedLike: "place", db)
        try db.execute(sql: """
            CREATE TABLE place_group (
                node_id INTEGER PRIMARY KEY REFERENCES node(id) ON DELETE CASCADE,
                head_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE);
            CREATE INDEX place_group_head ON place_group(head_id);
            CREATE TABLE merged_relay (
                node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                service_id INTEGER NOT NULL REFERENCES service(id),
                remote BOOLEAN NOT NULL DEFAULT 0,
                PRIMARY KEY (node_id, service_id)) WITHOUT ROWID;
            CREATE TABLE merged_labelled (
                node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                programme_id INTEGER NOT NULL REFERENCES programme(id),
                PRIMARY KEY (node_id, programme_id)) WITHOUT ROWID;
            CREATE TABLE merged_zone (
                node_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                level TEXT NOT NULL,
                code TEXT NOT NULL,
                PRIMARY KEY (node_id, level, code)) WITHOUT ROWID;
            CREATE TABLE merge_event (
                id INTEGER PRIMARY KEY,
                merged_at TEXT NOT NULL,
                head_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                first_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                second_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                rule TEXT NOT NULL CHECK (rule IN ('siret', 'score')),
                score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
                reason TEXT NOT NULL,
                unmerged_at TEXT);
            CREATE INDEX merge_event_head ON merge_event(head_id);
            CREATE TABLE never_merge (
                first_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                second_id INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
                recorded_at TEXT NOT NULL,
                PRIMARY KEY (first_id, second_id),
                CHECK (first_id < second_id)) WITHOUT ROWID;

            CREATE VIEW node_head AS
                SELECT n.id, COALESCE(g.head_id, n.id) AS head_id FROM node n LEFT JOIN place_group g ON g.node_id = n.id;
            CREATE VIEW shown_node AS
                SELECT n.id, n.kind, n.public_id, n.source_id,
                       CASE WHEN g.node_id IS NULL THEN n.active ELSE
                           (SELECT MAX(m.active) FROM place_group gm JOIN node m ON m.id = gm.node_id WHERE gm.head_id = n.id) END AS active,
                       n.details
                FROM node n LEFT JOIN place_group g ON g.node_id = n.id
                WHERE g.node_id IS NULL OR g.head_id = n.id;
            CREATE VIEW shown_place AS
                SELECT * FROM place WHERE node_id NOT IN (SELECT node_id FROM place_group)
                UNION ALL SELECT * FROM merged_place;
            CREATE VIEW shown_relay AS
                SELECT * FROM relay WHERE node_id NOT IN (SELECT node_id FROM place_group)
                UNION ALL SELECT * FROM merged_relay;
            CREATE VIEW shown_labelled AS
                SELECT * FROM labelled WHERE node_id NOT IN (SELECT node_id FROM place_group)
                UNION ALL SELECT * FROM merged_labelled;
            CREATE VIEW shown_zone AS
                SELECT * FROM zone WHERE node_id NOT IN (SELECT node_id FROM place_group)
                UNION ALL SELECT * FROM merged_zone;
            CREATE VIEW shown_works_at AS
                SELECT DISTINCT w.intermediary_id, COALESCE(g.head_id, w.place_id) AS place_id
                FROM works_at w LEFT JOIN place_group g ON g.node_id = w.place_id;
            CREATE VIEW shown_referral AS
                SELECT MIN(r.id) AS id, COALESCE(gs.head_id, r.source_node_id) AS source_node_id,
                       COALESCE(gt.head_id, r.target_node_id) AS target_node_id, r.service_id, SUM(r.weight) AS weight
                FROM referral r
                LEFT JOIN place_group gs ON gs.node_id = r.source_node_id LEFT JOIN place_group gt ON gt.node_id = r.target_node_id
                GROUP BY 2, 3, IFNULL(r.service_id, 0)
                HAVING source_node_id <> target_node_id;
            """)
    }

    /// A table with the columns and checks of the table `model`, in its order: derived rows (merged
    /// places, edited places and intermediaries) that the `shown_*` views put under the records with
    /// `UNION ALL SELECT *`.
    static func createTable(_ name: String, shapedLike model: String, _ db: Database) throws {
        let modelTable = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [model]) ?? ""
        try db.execute(sql: modelTable.replacingOccurrences(of: "CREATE TABLE \(model) (", with: "CREATE TABLE \(name) ("))
    }
}
