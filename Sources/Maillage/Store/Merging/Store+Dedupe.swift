import Foundation
import GRDB

extension Store {
    /// Finds the records of one real place among the active place records (``Deduplication``)
    /// and, unless `dryRun`, merges them: reading, comparing and merging in one transaction, so
    /// that an interrupted dedupe leaves the database as it was.
    public func dedupe(_ options: DedupeOptions = DedupeOptions(), dryRun: Bool, at date: Date = Date()) throws -> DedupeProposal {
        if dryRun { return try writer.read { db in try Self.dedupe(options, db).proposal } }
        return try writer.write { db in
            var (proposal, decisions) = try Self.dedupe(options, db)
            try Self.merge(decisions, at: date, db)
            proposal.applied = !decisions.isEmpty
            return proposal
        }
    }

    private static func dedupe(_ options: DedupeOptions, _ db: Database) throws -> (proposal: DedupeProposal, decisions: [MergeDecision]) {
        var records = try DedupeRecordRow.fetchAll(db, sql: DedupeRecordRow.query).map(\.record)
        if let scope = options.within {
            let table = try territoryTable(db)
            let codes = Set(try table.communes(within: scope).map { table.communes[$0].code })
            records = records.filter { $0.codeInsee.map(codes.contains) == true }
        }
        let deduplication = Deduplication(options: options, existingGroups: try PlaceGroups.fetch(db).members,
                                          differentPlaces: try differentPlacePairs(db))
        return deduplication.propose(records)
    }
}

/// An active place record read for dedupe, by column name.
private struct DedupeRecordRow: FetchableRecord, Decodable {
    static let query = """
        SELECT n.id AS node_id, n.public_id, s.name AS source, p.nom, p.pivot, p.code_insee, p.adresse, p.latitude, p.longitude, p.typologie
        FROM place p JOIN node n ON n.id = p.node_id JOIN source s ON s.id = n.source_id
        WHERE n.active ORDER BY n.id
        """

    var node_id: Int64
    var public_id: String
    var source: String
    var nom: String
    var pivot: String?
    var code_insee: String?
    var adresse: String?
    var latitude: Double?
    var longitude: Double?
    var typologie: String?

    var record: DedupeRecord {
        DedupeRecord(nodeId: node_id, publicId: public_id, source: source, nom: nom, siret: pivot, codeInsee: code_insee,
                     adresse: adresse, latitude: latitude, longitude: longitude, typologie: typologie)
    }
}
