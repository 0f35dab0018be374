import Foundation

/// Why a database file cannot be opened, created, written or replaced as asked. Each case names
/// the path; a command adds how to get on (which command to run), since the core names no flags.
public enum DatabaseFileError: Error, LocalizedError, Equatable, Sendable {
    /// Nothing exists at the path (only creating a database may start from nothing).
    case missing(path: String)
    /// The path names a folder.
    case directory(path: String)
    /// A file of zero bytes, or an SQLite database holding nothing: not a maillage database yet.
    case empty(path: String)
    /// The file holds something else, left untouched.
    case notMaillage(path: String, holds: ForeignContents)
    /// This process may not write the database (a command that only reads still can).
    case readOnly(path: String, reason: ReadOnlyReason)
    /// The database predates this version's schema; reading must not upgrade it.
    case needsUpgrade(path: String, pendingMigrations: [String])
    /// Another connection held the write lock for longer than the busy timeout.
    case busy(path: String, waitedSeconds: Int)
    /// A copy would be written over the database it copies.
    case sameFile(path: String)
    /// Any other reason SQLite or the file system gave.
    case cannotOpen(path: String, reason: String)

    /// What a file that is not a maillage database holds.
    public enum ForeignContents: Sendable, Equatable {
        /// Anything but SQLite: its first 16 bytes are not SQLite's header.
        case notSQLite
        /// An SQLite database without maillage's schema (`meta` and maillage's migrations).
        case otherSQLite
    }

    /// What forbids writing.
    public enum ReadOnlyReason: Sendable, Equatable {
        /// The file's permissions (or a read-only file system).
        case file
        /// The folder, where SQLite must create its `-wal` and `-shm` files beside the database.
        case folder(String)
    }

    /// The database path the error is about.
    public var path: String {
        switch self {
        case .missing(let path), .directory(let path), .empty(let path), .notMaillage(let path, _), .readOnly(let path, _),
             .needsUpgrade(let path, _), .busy(let path, _), .sameFile(let path), .cannotOpen(let path, _):
            path
        }
    }

    public var errorDescription: String? {
        switch self {
        case .missing(let path):
            "There is no database at \(path) (no such file)."
        case .directory(let path):
            "\(path) is a folder, not a database file."
        case .empty(let path):
            "\(path) is empty: it is not a maillage database yet."
        case .notMaillage(let path, .notSQLite):
            "\(path) is not a maillage database (it is not an SQLite file at all); it was left untouched."
        case .notMaillage(let path, .otherSQLite):
            "\(path) is an SQLite database but not a maillage one (it has no maillage schema); it was left untouched."
        case .readOnly(let path, .file):
            "The database \(path) is read-only for this user: the file cannot be written."
        case .readOnly(let path, .folder(let folder)):
            "The database \(path) is read-only for this user: its folder \(folder) cannot be written, and SQLite writes its journal files (-wal, -shm) there."
        case .needsUpgrade(let path, let pending):
            "The database \(path) was made by an earlier version of maillage and needs an upgrade (\(pending.joined(separator: ", "))); reading leaves it as it is, a command that writes to it upgrades it."
        case .busy(let path, let seconds):
            "The database \(path) is busy: another process (another import?) is writing to it, and it was still writing after \(seconds) s. Nothing was changed; try again once it has finished."
        case .sameFile(let path):
            "A copy of \(path) cannot be written over \(path) itself."
        case .cannotOpen(let path, let reason):
            "Cannot open the database \(path): \(reason)."
        }
    }
}
