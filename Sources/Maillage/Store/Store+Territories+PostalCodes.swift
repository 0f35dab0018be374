import GRDB

extension Store {
    /// The postal codes the directory knows for each commune: the pairs of the places whose
    /// commune came from their own INSEE code (as given or repaired), never from a guess.
    static func postalCodes(_ db: Database) throws -> PostalCodes {
        let rows = try Row.fetchAll(db, sql: postalCodePairs)
        return PostalCodes(pairs: rows.map { (postalCode: $0["code_postal"] as String, commune: $0["code_insee"] as String) })
    }

    /// The (postal code, INSEE code) pairs of those places, read from the index `place_postal_code` alone.
    static let postalCodePairs = """
        SELECT DISTINCT code_postal, code_insee FROM place
        WHERE placement IN ('file', 'corrected') AND code_postal IS NOT NULL AND code_insee IS NOT NULL
        """
}
