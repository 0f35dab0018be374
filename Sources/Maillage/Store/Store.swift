import Foundation
import GRDB

/// The maillage database: the graph of territories, places, intermediaries, services and the
/// edges between them, kept in SQLite.
///
/// Nothing outside `Store` and its extensions touches SQL. Each public method is one read or
/// one write transaction.
public struct Store: Sendable {
    let writer: any DatabaseWriter
    /// The database's path as given (":memory:" or empty for one in memory), for messages.
    let path: String
    /// The commune index, kept between imports while the communes do not change.
    let communeCache = CommuneIndexCache()

    /// What a command does with the database it opens.
    public enum Access: Sendable {
        /// Only reads: the file is opened read-only and never migrated, so a database the user
        /// cannot write (file or folder) still answers.
        case read
        /// Changes an existing maillage database, upgrading its schema if needed.
        case write
        /// Like `write`, but creates the database when nothing (or an empty file) is there.
        case create
    }

    /// Opens a store on `writer`, creating or upgrading the schema.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        self.path = writer.path
        try Self.migrator.migrate(writer)
    }

    /// A store on a read-only connection whose schema is already up to date: nothing is migrated.
    private init(readingFrom connection: DatabaseQueue, path: String) {
        self.writer = connection
        self.path = path
    }

    /// Opens the database file at `path` for `access`. Only `.create` makes a new database; no
    /// access touches a file that is not a maillage database (``DatabaseFileError`` says why).
    public static func open(path: String, access: Access = .create) throws -> Store {
        let file = DatabaseFile(path: path)
        try file.require(try file.contents(), for: access)
        if access == .read { return Store(readingFrom: try file.readOnlyConnection(), path: path) }
        if let reason = try file.readOnlyReason() { throw DatabaseFileError.readOnly(path: path, reason: reason) }
        do {
            return try Store(file.writerConnection())
        } catch let error as DatabaseError {
            throw file.failure(error)
        }
    }

    /// Deletes the maillage database at `path` and its `-wal` and `-shm` files, to start again
    /// from nothing. Refuses anything that is not a maillage database (or empty); nothing there is fine.
    public static func deleteDatabase(path: String) throws {
        let file = DatabaseFile(path: path)
        let contents = try file.contents()
        if contents == .missing { return }
        try file.require(contents, for: .create)
        if let reason = try file.readOnlyReason() { throw DatabaseFileError.readOnly(path: path, reason: reason) }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            do { try FileManager.default.removeItem(atPath: path + suffix) } catch {
                throw DatabaseFileError.cannotOpen(path: path, reason: "\(path + suffix) cannot be deleted (\(error.localizedDescription))")
            }
        }
    }

    /// A fresh database in memory, for tests.
    public static func inMemory() throws -> Store {
        try Store(DatabaseQueue())
    }

    /// The error to throw for an SQLite error met while using the database, when it is about the
    /// file (busy, read-only, damaged…) rather than the data; nil otherwise.
    func databaseFailure(_ error: DatabaseError) -> DatabaseFileError? {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_READONLY, .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FULL, .SQLITE_CANTOPEN, .SQLITE_IOERR:
            DatabaseFile(path: path).failure(error)
        default:
            nil
        }
    }
}
