import GRDB

extension Store {
    /// The name of the commune with this INSEE code, or nil when no commune has it; one indexed
    /// read, for answers that name the commune they were asked about.
    public func communeName(_ code: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT nom FROM commune WHERE code_insee = ?", arguments: [code])
        }
    }
}
