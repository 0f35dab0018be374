import Foundation
import GRDB

/// A database path as maillage finds it before opening it: what it holds, whether this process
/// may write it, and the SQLite connections that open it without changing what they should not.
struct DatabaseFile: Sendable {
    /// The path as the user gave it, used in every message.
    let path: String

    /// How long a connection waits for another one's write lock before giving up.
    static let busyTimeoutSeconds = 5

    /// The first 16 bytes of every SQLite database file.
    static let sqliteHeader = Data("SQLite format 3\0".utf8)

    /// What the path holds.
    enum Contents: Equatable {
        case missing
        case directory
        /// Zero bytes, or an SQLite database with no table: nothing to lose.
        case empty
        /// A maillage database, with the migrations this version would still apply.
        case maillage(pendingMigrations: [String])
        case foreign(DatabaseFileError.ForeignContents)
    }

    /// The folder holding the file ("." for a bare file name).
    var folder: String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Looks at the path: its existence, SQLite's header, then maillage's schema, read through a
    /// read-only connection.
    func contents() throws -> Contents {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .directory }
        guard access(path, R_OK) == 0 else { throw DatabaseFileError.cannotOpen(path: path, reason: "this user may not read it (permission denied)") }
        let header: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            header = try handle.read(upToCount: Self.sqliteHeader.count) ?? Data()
        } catch {
            throw DatabaseFileError.cannotOpen(path: path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        if header.isEmpty { return .empty }
        guard header == Self.sqliteHeader else { return .foreign(.notSQLite) }
        let connection = try readOnlyConnection()
        defer { try? connection.close() }
        return try schemaContents(connection)
    }

    /// Whether the schema read through `connection` is maillage's, and how up to date.
    private func schemaContents(_ connection: DatabaseQueue) throws -> Contents {
        do {
            return try connection.read { db in
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if tables.isEmpty { return .empty }
                let migrator = Store.migrator
                guard tables.contains("grdb_migrations"), tables.contains("meta") else { return .foreign(.otherSQLite) }
                let applied = try migrator.appliedIdentifiers(db)
                guard let first = migrator.migrations.first, applied.contains(first) else { return .foreign(.otherSQLite) }
                return .maillage(pendingMigrations: migrator.migrations.filter { !applied.contains($0) })
            }
        } catch let error as DatabaseError {
            throw failure(error)
        }
    }

    /// Throws unless `contents` may be opened for `access`.
    func require(_ contents: Contents, for access: Store.Access) throws {
        switch contents {
        case .missing:
            if access != .create { throw DatabaseFileError.missing(path: path) }
        case .directory:
            throw DatabaseFileError.directory(path: path)
        case .empty:
            if access != .create { throw DatabaseFileError.empty(path: path) }
        case .foreign(let holds):
            throw DatabaseFileError.notMaillage(path: path, holds: holds)
        case .maillage(let pending):
            if access == .read, !pending.isEmpty { throw DatabaseFileError.needsUpgrade(path: path, pendingMigrations: pending) }
        }
    }

    /// Why this process cannot write the database, or nil when it can. Writing needs the file
    /// (when it exists) and its folder, where SQLite creates the `-wal` and `-shm` files.
    func readOnlyReason() throws -> DatabaseFileError.ReadOnlyReason? {
        guard FileManager.default.fileExists(atPath: folder) else {
            throw DatabaseFileError.cannotOpen(path: path, reason: "its folder \(folder) does not exist")
        }
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 { return .file }
        if access(folder, W_OK) != 0 { return .folder(folder) }
        return nil
    }

    /// A read-only connection. A reader that may not write the file or its folder must not leave
    /// `-wal` or `-shm` files behind: SQLite would create them as this user's, and the database's
    /// owner could then no longer write it. When no `-wal` file exists the main file holds every
    /// committed change, so it is opened `immutable`, which creates nothing (and takes no lock:
    /// were its owner to start writing meanwhile, the owner's next checkpoint could change pages
    /// under a long read); otherwise the existing journal files are read as they are.
    func readOnlyConnection() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(TimeInterval(Self.busyTimeoutSeconds))
        let mayWrite: Bool
        do { mayWrite = try readOnlyReason() == nil } catch { mayWrite = false }
        let location = !mayWrite && !FileManager.default.fileExists(atPath: path + "-wal")
            ? URL(fileURLWithPath: path).absoluteString + "?immutable=1"
            : path
        do {
            return try DatabaseQueue(path: location, configuration: configuration)
        } catch let error as DatabaseError {
            throw failure(error)
        }
    }

    /// The read-write connection pool of a command that changes the database.
    func writerConnection() throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(TimeInterval(Self.busyTimeoutSeconds))
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw failure(error)
        }
    }

    /// An SQLite error turned into one that names the database and its cause.
    func failure(_ error: DatabaseError) -> DatabaseFileError {
        let fileManager = FileManager.default
        if [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode), fileManager.fileExists(atPath: path + "-wal"),
           !fileManager.fileExists(atPath: path + "-shm"), access(folder, W_OK) != 0 {
            return .cannotOpen(path: path, reason: "its journal \(path)-wal holds changes that can only be read by creating \(path)-shm beside it, in a folder this user cannot write; a command that writes to it, run by someone who may write the folder, folds them into the database")
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path, waitedSeconds: Self.busyTimeoutSeconds)
        case .SQLITE_READONLY:
            return .readOnly(path: path, reason: (try? readOnlyReason()) ?? .file)
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .cannotOpen(path: path, reason: "the file is damaged (SQLite: \(error.message ?? "\(error.resultCode)"))")
        case .SQLITE_FULL:
            return .cannotOpen(path: path, reason: "the disk is full")
        default:
            return .cannotOpen(path: path, reason: "SQLite: \(error.message ?? "\(error.resultCode)")")
        }
    }
}
