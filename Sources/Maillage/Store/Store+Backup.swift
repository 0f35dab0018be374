import Foundation
import GRDB

extension Store {
    /// Copies the whole database to `path` with SQLite's online backup: a consistent copy of
    /// everything (taxonomy, places, intermediaries and their headcounts, referrals…), even while
    /// another process writes, and from a database this process may only read.
    ///
    /// The copy is written beside `path` under a temporary name, then renamed over it, so an
    /// interrupted backup leaves `path` as it was. `path` may be missing or an earlier maillage
    /// database; anything else there is refused (``DatabaseFileError``).
    public func backup(to path: String) throws {
        let target = DatabaseFile(path: path)
        try target.require(try target.contents(), for: .create)
        if try Self.isSameFile(path, self.path) { throw DatabaseFileError.sameFile(path: self.path) }
        if let reason = try target.readOnlyReason() { throw DatabaseFileError.readOnly(path: path, reason: reason) }
        let partial = (target.folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).partial-\(UUID().uuidString)")
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: partial + suffix) } }
        do {
            let copy = try DatabaseQueue(path: partial)
            try writer.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            throw DatabaseFile(path: path).failure(error)
        }
        // Journal files of the database being replaced would be replayed into the copy.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard rename(partial, path) == 0 else {
            throw DatabaseFileError.cannotOpen(path: path, reason: "the copy could not be moved into place (\(String(cString: strerror(errno))))")
        }
    }

    /// Whether `a` and `b` name the same existing file (the same device and inode).
    private static func isSameFile(_ a: String, _ b: String) throws -> Bool {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: a), fileManager.fileExists(atPath: b) else { return false }
        let first = try fileManager.attributesOfItem(atPath: a), second = try fileManager.attributesOfItem(atPath: b)
        func number(_ attributes: [FileAttributeKey: Any], _ key: FileAttributeKey) -> UInt64? { (attributes[key] as? NSNumber)?.uint64Value }
        return number(first, .systemNumber) == number(second, .systemNumber) && number(first, .systemFileNumber) == number(second, .systemFileNumber)
    }
}
