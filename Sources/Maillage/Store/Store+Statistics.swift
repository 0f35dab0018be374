import GRDB

extension Store {
    /// Counts by kind, actor type, service, département and source, in one read.
    public func statistics() throws -> Statistics {
        try writer.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let byType = try Row.fetchAll(db, sql: """
                SELECT t.slug, t.label, COUNT(i.node_id) AS count, IFNULL(SUM(i.headcount), 0) AS headcount
                FROM actor_type t LEFT JOIN intermediary i ON i.actor_type = t.slug
                GROUP BY t.slug ORDER BY t.position
                """).map { Statistics.TypeCount(type: $0["slug"], label: $0["label"], count: $0["count"], headcount: $0["headcount"]) }
            let services = try Row.fetchAll(db, sql: """
                SELECT s.slug, s.label, s.level,
                    (SELECT COUNT(DISTINCT place) FROM (
                        SELECT r.node_id AS place FROM shown_relay r JOIN shown_place p ON p.node_id = r.node_id WHERE r.service_id = s.id
                        UNION SELECT w.place_id FROM relay r JOIN shown_works_at w ON w.intermediary_id = r.node_id WHERE r.service_id = s.id)) AS places,
                    (SELECT COUNT(*) FROM relay r JOIN intermediary i ON i.node_id = r.node_id WHERE r.service_id = s.id) AS intermediaries
                FROM service s ORDER BY s.position
                """).map { Statistics.ServiceCount(slug: $0["slug"], label: $0["label"], level: $0["level"], places: $0["places"], intermediaries: $0["intermediaries"]) }
            let byDepartement = try Row.fetchAll(db, sql: """
                SELECT d.code, d.nom,
                    (SELECT COUNT(*) FROM shown_place p JOIN commune c ON c.code_insee = p.code_insee WHERE c.departement_code = d.code) AS places,
                    (SELECT COUNT(DISTINCT w.intermediary_id) FROM shown_works_at w JOIN shown_place p ON p.node_id = w.place_id
                        JOIN commune c ON c.code_insee = p.code_insee WHERE c.departement_code = d.code) AS intermediaries,
                    (SELECT IFNULL(SUM(i.headcount), 0) FROM intermediary i WHERE i.node_id IN (
                        SELECT w.intermediary_id FROM shown_works_at w JOIN shown_place p ON p.node_id = w.place_id
                        JOIN commune c ON c.code_insee = p.code_insee WHERE c.departement_code = d.code)) AS headcount
                FROM departement d ORDER BY d.code
                """).map { Statistics.DepartementCount(code: $0["code"], nom: $0["nom"], places: $0["places"], intermediaries: $0["intermediaries"], headcount: $0["headcount"]) }
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
                    count: try count("SELECT COUNT(*) FROM intermediary"),
                    headcount: try count("SELECT IFNULL(SUM(headcount), 0) FROM intermediary"),
                    byType: byType),
                services: services,
                referrals: try count("SELECT COUNT(*) FROM shown_referral"),
                mergedPlaces: try count("SELECT COUNT(DISTINCT head_id) FROM place_group"),
                mergedRecords: try count("SELECT COUNT(*) FROM place_group"),
                byDepartement: byDepartement,
                sources: sources)
        }
    }
}
