import GRDB

extension Store {
    /// Counts by kind, actor type, service, département and source, in one read.
    public func statistics() throws -> Statistics {
        try writer.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            let byType = try Row.fetchAll(db, sql: """
                SELECT t.slug, t.label, COUNT(i.node_id), IFNULL(SUM(i.headcount), 0)
                FROM actor_type t LEFT JOIN intermediary i ON i.actor_type = t.slug
                GROUP BY t.slug ORDER BY t.position
                """).map { Statistics.TypeCount(type: $0[0], label: $0[1], count: $0[2], headcount: $0[3]) }
            let services = try Row.fetchAll(db, sql: """
                SELECT s.slug, s.label, s.level,
                    (SELECT COUNT(DISTINCT place) FROM (
                        SELECT r.node_id AS place FROM relay r JOIN place p ON p.node_id = r.node_id WHERE r.service_id = s.id
                        UNION SELECT w.place_id FROM relay r JOIN works_at w ON w.intermediary_id = r.node_id WHERE r.service_id = s.id)),
                    (SELECT COUNT(*) FROM relay r JOIN intermediary i ON i.node_id = r.node_id WHERE r.service_id = s.id)
                FROM service s ORDER BY s.position
                """).map { Statistics.ServiceCount(slug: $0[0], label: $0[1], level: $0[2], places: $0[3], intermediaries: $0[4]) }
            let byDepartement = try Row.fetchAll(db, sql: """
                SELECT d.code, d.nom,
                    (SELECT COUNT(*) FROM place p JOIN commune c ON c.code_insee = p.code_insee WHERE c.departement_code = d.code),
                    (SELECT COUNT(DISTINCT w.intermediary_id) FROM works_at w JOIN place p ON p.node_id = w.place_id
                        JOIN commune c ON c.code_insee = p.code_insee WHERE c.departement_code = d.code),
                    (SELECT IFNULL(SUM(i.headcount), 0) FROM intermediary i WHERE i.node_id IN (
                        SELECT w.intermediary_id FROM works_at w JOIN place p ON p.node_id = w.place_id
                        JOIN commune c ON c.code_insee = p.code_insee WHERE c.departement_code = d.code))
                FROM departement d ORDER BY d.code
                """).map { Statistics.DepartementCount(code: $0[0], nom: $0[1], places: $0[2], intermediaries: $0[3], headcount: $0[4]) }
                .filter { $0.places > 0 || $0.intermediaries > 0 }
            let sources = try Row.fetchAll(db, sql: """
                SELECT s.name, SUM(n.kind = 'place'), SUM(n.kind = 'intermediary')
                FROM source s JOIN node n ON n.source_id = s.id GROUP BY s.id ORDER BY s.name
                """).map { Statistics.SourceCount(name: $0[0], places: $0[1], intermediaries: $0[2]) }
            return Statistics(
                communes: try count("SELECT COUNT(*) FROM commune"),
                epci: try count("SELECT COUNT(*) FROM epci"),
                departements: try count("SELECT COUNT(*) FROM departement"),
                regions: try count("SELECT COUNT(*) FROM region"),
                population: try count("SELECT IFNULL(SUM(population_municipale), 0) FROM commune"),
                places: try count("SELECT COUNT(*) FROM place"),
                activePlaces: try count("SELECT COUNT(*) FROM place p JOIN node n ON n.id = p.node_id WHERE n.active"),
                intermediaries: Statistics.Intermediaries(
                    count: try count("SELECT COUNT(*) FROM intermediary"),
                    headcount: try count("SELECT IFNULL(SUM(headcount), 0) FROM intermediary"),
                    byType: byType),
                services: services,
                referrals: try count("SELECT COUNT(*) FROM referral"),
                byDepartement: byDepartement,
                sources: sources)
        }
    }
}
