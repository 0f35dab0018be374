import Foundation
import Maillage

/// A problem with the database file, worded for the command line: the core's sentence (which
/// names the path) followed by the command that gets the user on.
struct DatabaseProblem: Error, LocalizedError {
    let error: DatabaseFileError
    let role: Role

    /// What the file was to the command.
    enum Role {
        /// The database the command works on (--db).
        case database
        /// The file `maillage backup` writes.
        case backupCopy
    }

    init(_ error: DatabaseFileError, role: Role = .database) {
        self.error = error
        self.role = role
    }

    var errorDescription: String? {
        [error.errorDescription, role == .database ? advice : copyAdvice].compactMap { $0 }.joined(separator: " ")
    }

    /// What to do about the file a backup was to write.
    private var copyAdvice: String? {
        switch error {
        case .directory:
            "Name a file for the copy, such as \(Self.shellQuoted((error.path as NSString).appendingPathComponent("maillage-backup.sqlite")))."
        case .notMaillage:
            "Name another file for the copy: a backup only replaces an earlier maillage database."
        case .sameFile:
            "Name another file for the copy."
        case .readOnly:
            "Write the copy in a folder you may write."
        default:
            nil
        }
    }

    /// What to run or change about the database, with the path quoted for a shell.
    private var advice: String? {
        let path = Self.shellQuoted(error.path)
        return switch error {
        case .missing:
            "Only `maillage init` creates a database: run `maillage init --db \(path)`, or name an existing database with --db (or $MAILLAGE_DB)."
        case .directory:
            "Name a database file with --db, such as `--db \(Self.shellQuoted((error.path as NSString).appendingPathComponent("maillage.sqlite")))`."
        case .empty:
            "Run `maillage init --db \(path)` to make it one."
        case .notMaillage:
            "Name a maillage database with --db (`maillage init --db NEW.sqlite` creates one)."
        case .readOnly:
            "Commands that only read it (stats, relays, search, export…) still work; to change it, get write access, or work on a copy: `maillage backup COPY.sqlite --db \(path)`."
        case .needsUpgrade:
            "Run `maillage init --db \(path)` once, as a user who may write it: it upgrades the schema and keeps the data."
        case .busy, .sameFile, .cannotOpen:
            nil
        }
    }

    /// `path` as typed in a shell: as it is when it holds only safe characters, else in single quotes.
    static func shellQuoted(_ path: String) -> String {
        let safe = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "/._-+,:@%"))
        if !path.isEmpty, path.unicodeScalars.allSatisfy(safe.contains) { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
