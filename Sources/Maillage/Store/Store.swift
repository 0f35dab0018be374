import Foundation
import GRDB

/// The maillage database: the graph of territories, places, intermediaries, services and the
/// edges between them, kept in SQLite.
///
/// Nothing outside `Store` and its extensions touches SQL. Each public method is one read or
/// one write transaction.
public struct Store: Sendable {
    let writer: any DatabaseWriter
    /// The commune index, kept between imports while the communes do not change.
    let communeCache = CommuneIndexCache()

    /// Opens a store on `writer`, creating or upgrading the schema.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the database file at `path`.
    public static func open(path: String) throws -> Store {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return try Store(DatabasePool(path: path, configuration: configuration))
    }

    /// A fresh database in memory, for tests.
    public static func inMemory() throws -> Store {
        try Store(DatabaseQueue())
    }
}
