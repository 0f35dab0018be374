import GRDB

extension Store {
    /// Inserts or replaces the index rows; returns how many were new and how many changed (a row
    /// stored with the same values is neither).
    func writeFragility(_ rows: [FragilityImporter.Row], in db: Database) throws -> (inserted: Int, updated: Int) {
        let columns = ["division", "code", "nom", "total"] + FragilityImporter.components
        var existing: [String: [DatabaseValue]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM fragility") {
            existing["\(row["division"] as String):\(row["code"] as String)"] = Array(row.databaseValues)
        }
        let statement = try db.makeStatement(sql: """
            INSERT OR REPLACE INTO fragility (\(columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            """)
        var inserted = 0, updated = 0
        for row in rows {
            let values: [(any DatabaseValueConvertible)?] = [row.division, row.code, row.nom, row.total] + row.parts
            let stored = existing["\(row.division):\(row.code)"]
            if stored == nil { inserted += 1 } else if stored != values.map({ $0?.databaseValue ?? .null }) { updated += 1 }
            try statement.execute(arguments: StatementArguments(values))
        }
        return (inserted, updated)
    }

    /// The fragility index of every current commune: its own, else its EPCI's (communes merged or
    /// renumbered since the index's COG; `ZZZZZZZZZ` for communes outside any EPCI), else none.
    public func fragilityIndex() throws -> FragilityIndex {
        try writer.read { db in try Self.fragilityIndex(db) }
    }

    /// The fragility index read in `db`: by a join over the commune table, or for the communes of
    /// `territories` when the table was already read in the same transaction (the snapshot).
    static func fragilityIndex(_ db: Database, territories: TerritoryTable? = nil) throws -> FragilityIndex {
        var index = FragilityIndex()
        func add(_ code: String, own: Double?, epci: Double?) {
            if let own { index.byCommune[code] = .init(value: own, source: .commune) } else if let epci { index.byCommune[code] = .init(value: epci, source: .epci) }
        }
        guard let territories else {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.code_insee, fc.total AS commune_total, fe.total AS epci_total FROM commune c
                LEFT JOIN fragility fc ON fc.division = 'city' AND fc.code = c.code_insee
                LEFT JOIN fragility fe ON fe.division = 'epci' AND fe.code = IFNULL(c.epci_siren, ?)
                """, arguments: [FragilityImporter.noEpci])
            while let row = try rows.next() { add(row["code_insee"], own: row["commune_total"], epci: row["epci_total"]) }
            return index
        }
        var byCommune: [String: Double] = [:], byEpci: [String: Double] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT division, code, total FROM fragility") {
            if row["division"] == "city" { byCommune[row["code"]] = row["total"] } else { byEpci[row["code"]] = row["total"] }
        }
        guard !byCommune.isEmpty || !byEpci.isEmpty else { return index }
        for commune in territories.communes {
            add(commune.code, own: byCommune[commune.code], epci: byEpci[commune.epci ?? FragilityImporter.noEpci])
        }
        return index
    }
}
