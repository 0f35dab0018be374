import Foundation
import GRDB

extension Store {
    /// Stores the taxonomy: its vocabularies as tables (so that SQLite can check every reference
    /// to them), and the whole as one document read back by ``taxonomy()``.
    /// Loading it again updates labels in place and adds new entries.
    public func loadTaxonomy(_ taxonomy: Taxonomy) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let document = String(decoding: try encoder.encode(taxonomy), as: UTF8.self)
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO taxonomy_document (name, content) VALUES ('taxonomy', ?)", arguments: [document])
            for (position, type) in taxonomy.actorTypes.enumerated() {
                try db.execute(sql: """
                    INSERT INTO actor_type (slug, label, kind, position) VALUES (?, ?, ?, ?)
                    ON CONFLICT (slug) DO UPDATE SET label = excluded.label, kind = excluded.kind, position = excluded.position
                    """, arguments: [type.slug, type.label, type.kind, position])
            }
            for (position, service) in taxonomy.services.enumerated() {
                try db.execute(sql: """
                    INSERT INTO service (slug, label, level, parent_id, position)
                    VALUES (?, ?, ?, (SELECT id FROM service WHERE slug = ?), ?)
                    ON CONFLICT (slug) DO UPDATE SET label = excluded.label, level = excluded.level,
                        parent_id = excluded.parent_id, position = excluded.position
                    """, arguments: [service.slug, service.label, service.level.rawValue, service.parent, position])
            }
            for (position, programme) in taxonomy.programmes.enumerated() {
                try db.execute(sql: """
                    INSERT INTO programme (slug, label, in_v1, position) VALUES (?, ?, ?, ?)
                    ON CONFLICT (slug) DO UPDATE SET label = excluded.label, in_v1 = excluded.in_v1, position = excluded.position
                    """, arguments: [programme.slug, programme.label, programme.v1, position])
            }
            for typology in taxonomy.typologies {
                try db.execute(sql: "INSERT OR REPLACE INTO typologie (code, label) VALUES (?, ?)", arguments: [typology.code, typology.label])
            }
        }
    }

    /// The taxonomy stored by ``loadTaxonomy(_:)``.
    public func taxonomy() throws -> Taxonomy {
        try writer.read { db in try Self.taxonomy(db) }
    }

    static func taxonomy(_ db: Database) throws -> Taxonomy {
        guard let document = try String.fetchOne(db, sql: "SELECT content FROM taxonomy_document WHERE name = 'taxonomy'") else {
            throw MaillageError.taxonomyNotLoaded
        }
        return try JSONDecoder().decode(Taxonomy.self, from: Data(document.utf8))
    }
}
