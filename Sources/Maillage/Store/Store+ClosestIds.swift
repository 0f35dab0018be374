import GRDB

extension Store {
    /// Up to five public ids close to `publicId`, for "did you mean" messages (`show`, `path`,
    /// `what-if`…): ids containing it first, then ids a few typing mistakes away.
    ///
    /// - Complexity: O(nodes × id length²) at worst; runs only when an id is not found.
    static func closestPublicIds(to publicId: String, _ db: Database) throws -> [String] {
        let ids = try String.fetchCursor(db, sql: "SELECT public_id FROM node ORDER BY public_id")
        var all: [String] = []
        while let id = try ids.next() { all.append(id) }
        return EditDistance.closest(to: String(publicId.prefix(200)), among: all, limit: 5)
    }
}
