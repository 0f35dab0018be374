import GRDB

extension Store {
    /// Places and intermediaries whose name, commune or description holds every word of `text`
    /// (as a word or the start of one), ignoring case and accents; best matches first (bm25).
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return [] }
        try refreshSearchIndexIfNeeded()
        // Each word quoted (quotes doubled) and prefix-matched: no FTS5 syntax from the user gets through.
        let match = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " ")
        return try writer.read { db in
            try SearchIndexRow.fetchAll(db, sql: """
                SELECT public_id, kind, nom, commune, snippet(search_index, 4, '[', ']', '…', 12) AS snippet
                FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index, 0, 0, 10, 5, 1), public_id LIMIT ?
                """, arguments: [match, limit]).map { $0.hit(match: .words) }
        }
    }

    /// Rebuilds the full-text index when the data changed since it was built (by an earlier
    /// version, which left the rebuild to the first search). A read-only database cannot keep a
    /// new index: the connection builds its own in the `temp` schema, whose `search_index` then
    /// hides the stale one for every query of this connection.
    private func refreshSearchIndexIfNeeded() throws {
        let stale = try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT value FROM meta WHERE key = 'data_version') <> (SELECT value FROM meta WHERE key = 'search_version')") == 1
        }
        guard stale else { return }
        if writer.configuration.readonly {
            try writer.writeWithoutTransaction { db in
                let built = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_temp_master WHERE name = 'search_index')")
                guard built != true else { return }
                try db.execute(sql: "CREATE VIRTUAL TABLE temp.search_index USING \(Self.searchIndexColumns)")
                try db.inTransaction {
                    try db.execute(sql: Self.searchIndexRows)
                    return .commit
                }
            }
            return
        }
        try writer.write(Self.rebuildSearchIndex)
    }

    /// Rebuilds the stored full-text index and marks it current. Each import calls it in its own
    /// transaction, so that a search, which only reads, finds it up to date.
    ///
    /// The table is dropped and created again rather than emptied: deleting every row of an FTS5
    /// table updates its inverted index row by row (6 s of a 17 s rebuild at 300,000 places).
    static func rebuildSearchIndex(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE main.search_index")
        try db.execute(sql: "CREATE VIRTUAL TABLE main.search_index USING \(searchIndexColumns)")
        try db.execute(sql: searchIndexRows)
        try db.execute(sql: "UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'data_version') WHERE key = 'search_version'")
    }

    /// The index's columns and tokenizer, as migration "v1: search" created them.
    private static let searchIndexColumns = """
        fts5(public_id UNINDEXED, kind UNINDEXED, nom, commune, description, tokenize = 'unicode61 remove_diacritics 2')
        """

    /// Fills `search_index` (the first one SQLite finds: `temp`'s, if any) with every place and
    /// intermediary. An intermediary's communes are those of the places it works at (a merged
    /// place's derived commune), read through the tables' keys (see ``ShownPlaceSQL``).
    private static let searchIndexRows = """
        INSERT INTO search_index (public_id, kind, nom, commune, description)
        SELECT n.public_id, 'place', p.nom, TRIM(IFNULL(c.nom, '') || ' ' || IFNULL(p.commune, '') || ' ' || IFNULL(p.code_postal, '')),
               TRIM(IFNULL(p.presentation_resume, '') || ' ' || IFNULL(p.presentation_detail, '') || ' ' || IFNULL(p.adresse, ''))
        FROM shown_place p JOIN node n ON n.id = p.node_id LEFT JOIN commune c ON c.code_insee = p.code_insee;
        INSERT INTO search_index (public_id, kind, nom, commune, description)
        SELECT n.public_id, 'intermediary', IFNULL(i.nom, n.public_id),
               IFNULL((SELECT GROUP_CONCAT(DISTINCT IFNULL(c.nom, COALESCE(m.commune, p.commune))) FROM \(ShownPlaceSQL.workplaces(of: "n.id")) w
                       LEFT JOIN place_group g ON g.node_id = w.place_id LEFT JOIN merged_place m ON m.node_id = g.head_id
                       LEFT JOIN place p ON p.node_id = w.place_id AND g.node_id IS NULL
                       LEFT JOIN commune c ON c.code_insee = COALESCE(m.code_insee, p.code_insee)), ''),
               t.label
        FROM shown_intermediary i JOIN node n ON n.id = i.node_id JOIN actor_type t ON t.slug = i.actor_type;
        """
}

/// A row of the full-text index (or a query shaped like one), read by column name.
struct SearchIndexRow: FetchableRecord {
    var publicId: String
    var kind: RelayResult.Kind
    var nom: String
    var commune: String
    /// The matching part of the description; queries without one select `'' AS snippet`.
    var snippet: String

    init(row: Row) {
        publicId = row["public_id"]
        kind = RelayResult.Kind(rawValue: row["kind"]) ?? .place
        nom = row["nom"]
        commune = row["commune"]
        snippet = row["snippet"]
    }

    /// The hit this row is, found by `match`.
    func hit(match: SearchHit.Match) -> SearchHit {
        SearchHit(id: publicId, kind: kind, nom: nom, commune: commune, snippet: snippet, match: match)
    }
}
