import GRDB

extension Store {
    /// The communes with their populations, coordinates and parents, and the names of the
    /// EPCI, départements and régions, in one read.
    public func territoryTable() throws -> TerritoryTable {
        try writer.read(Self.territoryTable)
    }

    /// The territory table, read in `db`: communes, names, and the postal codes the directory knows.
    static func territoryTable(_ db: Database) throws -> TerritoryTable {
        let communes = try TerritoryCommuneRow.fetchAll(db).map(\.commune)
        var names: [TerritoryLevel: [String: String]] = [:]
        for (level, sql) in [(TerritoryLevel.epci, "SELECT siren AS code, nom FROM epci"), (.departement, "SELECT code, nom FROM departement"),
                             (.region, "SELECT code, nom FROM region")] {
            names[level] = Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: sql).map { ($0["code"], $0["nom"]) })
        }
        names[.commune] = Dictionary(uniqueKeysWithValues: communes.map { ($0.code, $0.nom) })
        return TerritoryTable(communes: communes, names: names, postalCodes: try postalCodes(db))
    }
}

/// A commune with its population, coordinates and parents, read by column name.
private struct TerritoryCommuneRow: FetchableRecord {
    static let sql = """
        SELECT c.code_insee, c.nom, c.population_municipale, c.latitude, c.longitude, c.epci_siren, c.departement_code, d.region_code
        FROM commune c JOIN departement d ON d.code = c.departement_code ORDER BY c.code_insee
        """
    var commune: TerritoryTable.Commune

    init(row: Row) {
        commune = TerritoryTable.Commune(
            code: row["code_insee"], nom: row["nom"], population: row["population_municipale"],
            latitude: row["latitude"] ?? .nan, longitude: row["longitude"] ?? .nan,
            epci: row["epci_siren"], departement: row["departement_code"], region: row["region_code"])
    }

    static func fetchAll(_ db: Database) throws -> [TerritoryCommuneRow] { try fetchAll(db, sql: sql) }
}
