import GRDB

extension Store {
    /// Stores communes with their EPCI, départements and régions, then recomputes each
    /// upper territory's population and population-weighted centroid.
    ///
    /// - Returns: how many communes were inserted and how many updated.
    func writeCommunes(_ rows: [CommunesImporter.Row], in db: Database) throws -> (inserted: Int, updated: Int) {
        let existing = try Set(String.fetchAll(db, sql: "SELECT code_insee FROM commune"))
        let region = try db.cachedStatement(sql: """
            INSERT INTO region (code, nom) VALUES (?, ?)
            ON CONFLICT (code) DO UPDATE SET nom = excluded.nom
            """)
        let departement = try db.cachedStatement(sql: """
            INSERT INTO departement (code, nom, region_code) VALUES (?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET nom = excluded.nom, region_code = excluded.region_code
            """)
        let epci = try db.cachedStatement(sql: """
            INSERT INTO epci (siren, nom, nature) VALUES (?, ?, ?)
            ON CONFLICT (siren) DO UPDATE SET nom = excluded.nom, nature = excluded.nature
            """)
        let commune = try db.cachedStatement(sql: """
            INSERT INTO commune (code_insee, nom, departement_code, epci_siren, population_municipale,
                                 population_totale, latitude, longitude)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code_insee) DO UPDATE SET nom = excluded.nom, departement_code = excluded.departement_code,
                epci_siren = excluded.epci_siren, population_municipale = excluded.population_municipale,
                population_totale = excluded.population_totale, latitude = excluded.latitude, longitude = excluded.longitude
            """)
        var regions: Set<String> = [], departements: Set<String> = [], epcis: Set<String> = []
        var inserted = 0
        for row in rows {
            if regions.insert(row.region).inserted { try region.execute(arguments: [row.region, row.regionNom]) }
            if departements.insert(row.departement).inserted {
                try departement.execute(arguments: [row.departement, row.departementNom, row.region])
            }
            if let siren = row.epci, epcis.insert(siren).inserted {
                try epci.execute(arguments: [siren, row.epciNom, row.epciNature])
            }
            try commune.execute(arguments: [
                row.code, row.nom, row.departement, row.epci, row.populationMunicipale,
                row.populationTotale, row.latitude, row.longitude,
            ])
            if !existing.contains(row.code) { inserted += 1 }
        }
        try refreshTerritoryAggregates(db)
        return (inserted, rows.count - inserted)
    }

    /// Population (sum of population_municipale) and population-weighted centroid of every EPCI,
    /// département and région.
    private func refreshTerritoryAggregates(_ db: Database) throws {
        for (table, key, member) in [("epci", "siren", "epci_siren"), ("departement", "code", "departement_code")] {
            try db.execute(sql: """
                UPDATE \(table) SET
                    population = (SELECT IFNULL(SUM(population_municipale), 0) FROM commune WHERE \(member) = \(table).\(key)),
                    latitude = (SELECT SUM(latitude * population_municipale) / NULLIF(SUM(population_municipale), 0)
                                FROM commune WHERE \(member) = \(table).\(key) AND latitude IS NOT NULL),
                    longitude = (SELECT SUM(longitude * population_municipale) / NULLIF(SUM(population_municipale), 0)
                                 FROM commune WHERE \(member) = \(table).\(key) AND latitude IS NOT NULL)
                """)
        }
        try db.execute(sql: """
            UPDATE region SET
                population = (SELECT IFNULL(SUM(c.population_municipale), 0) FROM commune c
                              JOIN departement d ON d.code = c.departement_code WHERE d.region_code = region.code),
                latitude = (SELECT SUM(c.latitude * c.population_municipale) / NULLIF(SUM(c.population_municipale), 0)
                            FROM commune c JOIN departement d ON d.code = c.departement_code
                            WHERE d.region_code = region.code AND c.latitude IS NOT NULL),
                longitude = (SELECT SUM(c.longitude * c.population_municipale) / NULLIF(SUM(c.population_municipale), 0)
                             FROM commune c JOIN departement d ON d.code = c.departement_code
                             WHERE d.region_code = region.code AND c.latitude IS NOT NULL)
            """)
    }

    /// The communes and other territory codes, for placing imported rows.
    func communeIndex(_ db: Database) throws -> CommuneIndex {
        var communes: [CommuneIndex.Commune] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT code_insee, nom, departement_code, latitude, longitude FROM commune ORDER BY code_insee")
        while let row = try rows.next() {
            communes.append(CommuneIndex.Commune(code: row[0], nom: row[1], departement: row[2], latitude: row[3], longitude: row[4]))
        }
        return CommuneIndex(
            communes: communes,
            epciCodes: Set(try String.fetchAll(db, sql: "SELECT siren FROM epci")),
            departementCodes: Set(try String.fetchAll(db, sql: "SELECT code FROM departement")),
            regionCodes: Set(try String.fetchAll(db, sql: "SELECT code FROM region")))
    }
}
