import GRDB

extension Store {
    /// Counts by kind, actor type, service, département and source, in one read.
    public func statistics() throws -> Statistics {
        try writer.read(Self.statistics)
    }

    /// The statistics read in `db`.
    static func statistics(_ db: Database) throws -> Statistics {
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
        let byType = try Row.fetchAll(db, sql: """
            SELECT t.slug, t.label, COUNT(i.node_id) AS count, IFNULL(SUM(i.headcount), 0) AS headcount
            FROM actor_type t LEFT JOIN shown_intermediary i ON i.actor_type = t.slug
            GROUP BY t.slug ORDER BY t.position
            """).map { Statistics.TypeCount(type: $0["slug"], label: $0["label"], count: $0["count"], headcount: $0["headcount"]) }
        // Each count in one grouped pass over the shown views, not a pass per service or
        // département (SQLite rebuilds a view filtered in a correlated subquery row by row).
        let placesByService: [Int64: Int] = try Self.counts(db, sql: """
            SELECT service_id AS key, COUNT(DISTINCT place) AS count FROM (
                SELECT r.service_id, r.node_id AS place FROM shown_relay r JOIN shown_place p ON p.node_id = r.node_id
                UNION SELECT r.service_id, w.place_id FROM shown_relay r JOIN shown_works_at w ON w.intermediary_id = r.node_id)
            GROUP BY service_id
            """)
        let intermediariesByService: [Int64: Int] = try Self.counts(db, sql: """
            SELECT r.service_id AS key, COUNT(*) AS count FROM shown_relay r JOIN shown_intermediary i ON i.node_id = r.node_id GROUP BY r.service_id
            """)
        let services = try Row.fetchAll(db, sql: "SELECT id, slug, label, level FROM service ORDER BY position").map { row in
            let id: Int64 = row["id"]
            return Statistics.ServiceCount(slug: row["slug"], label: row["label"], level: row["level"],
                                           places: placesByService[id] ?? 0, intermediaries: intermediariesByService[id] ?? 0)
        }
        let placesByDepartement: [String: Int] = try Self.counts(db, sql: """
            SELECT c.departement_code AS key, COUNT(*) AS count FROM shown_place p JOIN commune c ON c.code_insee = p.code_insee
            GROUP BY c.departement_code
            """)
        var teamsByDepartement: [String: (intermediaries: Int, headcount: Int)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT t.departement_code, COUNT(*) AS intermediaries, IFNULL(SUM(i.headcount), 0) AS headcount
            FROM (SELECT DISTINCT w.intermediary_id, c.departement_code FROM shown_works_at w JOIN shown_place p ON p.node_id = w.place_id
                  JOIN commune c ON c.code_insee = p.code_insee) t
            JOIN shown_intermediary i ON i.node_id = t.intermediary_id GROUP BY t.departement_code
            """) {
            teamsByDepartement[row["departement_code"]] = (row["intermediaries"], row["headcount"])
        }
        let byDepartement = try Row.fetchAll(db, sql: "SELECT code, nom FROM departement ORDER BY code").map { row -> Statistics.DepartementCount in
            let code: String = row["code"], teams = teamsByDepartement[code]
            return Statistics.DepartementCount(code: code, nom: row["nom"], places: placesByDepartement[code] ?? 0,
                                               intermediaries: teams?.intermediaries ?? 0, headcount: teams?.headcount ?? 0)
        }
        .filter { $0.places > 0 || $0.intermediaries > 0 }
        let sources = try Row.fetchAll(db, sql: """
            SELECT s.name, SUM(n.kind = 'place') AS places, SUM(n.kind = 'intermediary') AS intermediaries,
                   SUM(g.node_id IS NOT NULL AND g.node_id <> g.head_id) AS merged
            FROM source s JOIN node n ON n.source_id = s.id LEFT JOIN place_group g ON g.node_id = n.id GROUP BY s.id ORDER BY s.name
            """).map { Statistics.SourceCount(name: $0["name"], places: $0["places"], intermediaries: $0["intermediaries"], merged: $0["merged"]) }
        return Statistics(
            communes: try count("SELECT COUNT(*) FROM commune"),
            epci: try count("SELECT COUNT(*) FROM epci"),
            departements: try count("SELECT COUNT(*) FROM departement"),
            regions: try count("SELECT COUNT(*) FROM region"),
            population: try count("SELECT IFNULL(SUM(population_municipale), 0) FROM commune"),
            places: try count("SELECT COUNT(*) FROM shown_place"),
            activePlaces: try count("SELECT COUNT(*) FROM shown_place p JOIN shown_node n ON n.id = p.node_id WHERE n.active"),
            intermediaries: Statistics.Intermediaries(
                count: try count("SELECT COUNT(*) FROM shown_intermediary"),
                headcount: try count("SELECT IFNULL(SUM(headcount), 0) FROM shown_intermediary"),
                byType: byType),
            services: services,
            referrals: try count("SELECT COUNT(*) FROM shown_referral"),
            mergedPlaces: try count("SELECT COUNT(DISTINCT head_id) FROM place_group"),
            mergedRecords: try count("SELECT COUNT(*) FROM place_group"),
            byDepartement: byDepartement,
            sources: sources)
    }

    /// `key → count` from a query selecting `key` and `count`.
    private static func counts<Key: DatabaseValueConvertible & Hashable>(_ db: Database, sql: String) throws -> [Key: Int] {
        var counts: [Key: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql) {
            if let key: Key = row["key"] { counts[key] = row["count"] }
        }
        return counts
    }
}
