import GRDB

extension Store {
    /// The communes with their populations, coordinates and parents, and the names of the
    /// EPCI, départements and régions, in one read.
    public func territoryTable() throws -> TerritoryTable {
        try writer.read(Self.territoryTable)
    }

    /// The territory table, read in `db`: communes, names, and the postal codes the directory knows.
    static func territoryTable(_ db: Database) throws -> TerritoryTable {
        var communes: [TerritoryTable.Commune] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.code_insee, c.nom, c.population_municipale, c.latitude, c.longitude, c.epci_siren, c.departement_code, d.region_code
            FROM commune c JOIN departement d ON d.code = c.departement_code ORDER BY c.code_insee
            """)
        while let row = try rows.next() {
            communes.append(TerritoryTable.Commune(
                code: row[0], nom: row[1], population: row[2], latitude: row[3] ?? .nan, longitude: row[4] ?? .nan,
                epci: row[5], departement: row[6], region: row[7]))
        }
        var names: [TerritoryLevel: [String: String]] = [:]
        for (level, sql) in [(TerritoryLevel.epci, "SELECT siren, nom FROM epci"), (.departement, "SELECT code, nom FROM departement"),
                             (.region, "SELECT code, nom FROM region")] {
            names[level] = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: sql).map { ($0[0], $0[1]) })
        }
        names[.commune] = Dictionary(uniqueKeysWithValues: communes.map { ($0.code, $0.nom) })
        return TerritoryTable(communes: communes, names: names, postalCodes: try postalCodes(db))
    }
}
