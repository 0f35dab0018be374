import GRDB
import GRDBSQLite

/// A prepared statement driven through SQLite's C API, for the bulk writes of an import.
///
/// GRDB's per-execution bookkeeping cost about as much as SQLite's own work when inserting the
/// 34,875 communes (measured in Benchmarks/); this keeps the SQL and its bound values the same
/// and only skips that layer. Use it inside a GRDB write transaction, on the same `Database`.
final class BulkStatement {
    private var handle: OpaquePointer?
    private let connection: OpaquePointer?
    private let sql: String
    private var index: Int32 = 0

    init(_ db: Database, sql: String) throws {
        connection = db.sqliteConnection
        self.sql = sql
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK else { throw error(code) }
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds the next parameter.
    @discardableResult
    func bind(_ value: String?) -> Self {
        index += 1
        if let value {
            var value = value
            value.withUTF8 { buffer in
                _ = buffer.withMemoryRebound(to: CChar.self) {
                    sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), Self.transient)
                }
            }
        } else {
            sqlite3_bind_null(handle, index)
        }
        return self
    }

    @discardableResult
    func bind(_ value: Int64?) -> Self {
        index += 1
        if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        return self
    }

    @discardableResult
    func bind(_ value: Int?) -> Self { bind(value.map(Int64.init)) }

    @discardableResult
    func bind(_ value: Double?) -> Self {
        index += 1
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        return self
    }

    @discardableResult
    func bind(_ value: Bool) -> Self { bind(Int64(value ? 1 : 0)) }

    /// Runs the statement with the values bound since the last run, then clears them.
    func run() throws {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            index = 0
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code) }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
