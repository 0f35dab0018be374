import GRDB

extension Store {
    /// The communes (code and name) whose active places are written with `postalCode`, other than
    /// the commune whose INSEE code it is: `13100` is Saint-Rémy-de-Provence's INSEE code and
    /// Aix-en-Provence's postal code. The commune list carries no postal codes; the places do.
    /// Most places first, so the commune a postal code usually means comes first.
    public func otherCommunes(withPostalCode postalCode: String) throws -> [(code: String, nom: String)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.code_insee, c.nom FROM place p JOIN node n ON n.id = p.node_id
                JOIN commune c ON c.code_insee = p.code_insee
                WHERE p.code_postal = ? AND p.code_insee <> ? AND n.active
                GROUP BY c.code_insee ORDER BY COUNT(*) DESC, c.code_insee
                """, arguments: [postalCode, postalCode]).map { (code: $0[0], nom: $0[1]) }
        }
    }
}
