import Foundation
import GRDB

extension Store {
    /// Stores communes with their EPCI, départements and régions, then recomputes each
    /// upper territory's population and population-weighted centroid.
    ///
    /// - Returns: how many communes were inserted, and how many updated (a row that changes
    ///   nothing, its EPCI, département and région included, is neither).
    func writeCommunes(_ rows: [CommunesImporter.Row], in db: Database) throws -> (inserted: Int, updated: Int) {
        let countBefore = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM commune") ?? 0
        let region = try db.cachedStatement(sql: """
            INSERT INTO region (code, nom) VALUES (?, ?)
            ON CONFLICT (code) DO UPDATE SET nom = excluded.nom WHERE nom IS NOT excluded.nom
            """)
        let departement = try db.cachedStatement(sql: """
            INSERT INTO departement (code, nom, region_code) VALUES (?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET nom = excluded.nom, region_code = excluded.region_code
            WHERE (nom, region_code) IS NOT (excluded.nom, excluded.region_code)
            """)
        let epci = try db.cachedStatement(sql: """
            INSERT INTO epci (siren, nom, nature) VALUES (?, ?, ?)
            ON CONFLICT (siren) DO UPDATE SET nom = excluded.nom, nature = excluded.nature
            WHERE (nom, nature) IS NOT (excluded.nom, excluded.nature)
            """)
        let commune = try BulkStatement(db, sql: """
            INSERT INTO commune (code_insee, nom, departement_code, epci_siren, population_municipale,
                                 population_totale, latitude, longitude)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code_insee) DO UPDATE SET nom = excluded.nom, departement_code = excluded.departement_code,
                epci_siren = excluded.epci_siren, population_municipale = excluded.population_municipale,
                population_totale = excluded.population_totale, latitude = excluded.latitude, longitude = excluded.longitude
            WHERE (nom, departement_code, epci_siren, population_municipale, population_totale, latitude, longitude)
                IS NOT (excluded.nom, excluded.departement_code, excluded.epci_siren, excluded.population_municipale,
                        excluded.population_totale, excluded.latitude, excluded.longitude)
            """)
        var regions: Set<String> = [], departements: Set<String> = [], epcis: Set<String> = []
        // Each upsert writes only what differs, so SQLite's change count tells a changed row.
        var changedRows = 0
        for row in rows {
            var changed = false
            if regions.insert(row.region).inserted {
                try region.execute(arguments: [row.region, row.regionNom])
                changed = changed || db.changesCount > 0
            }
            if departements.insert(row.departement).inserted {
                try departement.execute(arguments: [row.departement, row.departementNom, row.region])
                changed = changed || db.changesCount > 0
            }
            if let siren = row.epci, epcis.insert(siren).inserted {
                try epci.execute(arguments: [siren, row.epciNom, row.epciNature])
                changed = changed || db.changesCount > 0
            }
            try commune.bind(row.code).bind(row.nom).bind(row.departement).bind(row.epci)
                .bind(row.populationMunicipale).bind(row.populationTotale).bind(row.latitude).bind(row.longitude).run()
            if changed || db.changesCount > 0 { changedRows += 1 }
        }
        let inserted = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM commune") ?? 0) - countBefore
        communeCache.invalidate()
        try refreshTerritoryAggregates(db)
        return (inserted, changedRows - inserted)
    }

    /// Population (sum of population_municipale) and population-weighted centroid (over the
    /// communes that have coordinates) of every EPCI, département and région: one grouped scan each.
    private func refreshTerritoryAggregates(_ db: Database) throws {
        // Table, key column, and the commune column naming it; constants, never user input.
        let levels = [("epci", "siren", "epci_siren"), ("departement", "code", "departement_code"), ("region", "code", "region_code")]
        for (table, key, member) in levels {
            try db.execute(sql: """
                UPDATE \(table) SET population = a.population, latitude = a.latitude, longitude = a.longitude
                FROM (SELECT \(member) AS code, SUM(c.population_municipale) AS population,
                             SUM(c.latitude * c.population_municipale) / NULLIF(SUM(IIF(c.latitude IS NULL, 0, c.population_municipale)), 0) AS latitude,
                             SUM(c.longitude * c.population_municipale) / NULLIF(SUM(IIF(c.latitude IS NULL, 0, c.population_municipale)), 0) AS longitude
                      FROM commune c JOIN departement d ON d.code = c.departement_code
                      WHERE \(member) IS NOT NULL GROUP BY \(member)) AS a
                WHERE \(table).\(key) = a.code
                """)
        }
    }

    /// The communes and other territory codes, for placing imported rows; built once and reused
    /// while the commune table keeps the same fingerprint.
    func communeIndex(_ db: Database) throws -> CommuneIndex {
        let fingerprint = try Row.fetchOne(db, sql: """
            SELECT COUNT(*), TOTAL(population_municipale), TOTAL(latitude), TOTAL(longitude), TOTAL(length(nom)), MAX(code_insee),
                   (SELECT COUNT(*) FROM epci), (SELECT COUNT(*) FROM departement), (SELECT COUNT(*) FROM region)
            FROM commune
            """)?.description ?? ""
        return try communeCache.index(for: fingerprint) { try buildCommuneIndex(db) }
    }

    private func buildCommuneIndex(_ db: Database) throws -> CommuneIndex {
        CommuneIndex(
            communes: try CommuneIndexRow.fetchAll(db).map(\.commune),
            epciCodes: Set(try String.fetchAll(db, sql: "SELECT siren FROM epci")),
            departementCodes: Set(try String.fetchAll(db, sql: "SELECT code FROM departement")),
            regionCodes: Set(try String.fetchAll(db, sql: "SELECT code FROM region")))
    }
}

/// A commune as the import places rows with it, read by column name.
private struct CommuneIndexRow: FetchableRecord {
    var commune: CommuneIndex.Commune

    init(row: Row) {
        commune = CommuneIndex.Commune(code: row["code_insee"], nom: row["nom"], departement: row["departement_code"],
                                       latitude: row["latitude"], longitude: row["longitude"])
    }

    static func fetchAll(_ db: Database) throws -> [CommuneIndexRow] {
        try fetchAll(db, sql: "SELECT code_insee, nom, departement_code, latitude, longitude FROM commune ORDER BY code_insee")
    }
}

/// Holds the last commune index built, with the fingerprint of the table it was built from.
final class CommuneIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: (fingerprint: String, index: CommuneIndex)?

    func index(for fingerprint: String, build: () throws -> CommuneIndex) rethrows -> CommuneIndex {
        lock.lock()
        defer { lock.unlock() }
        if let cached, cached.fingerprint == fingerprint { return cached.index }
        let index = try build()
        cached = (fingerprint, index)
        return index
    }

    func invalidate() {
        lock.lock()
        defer { lock.unlock() }
        cached = nil
    }
}
