extension Store {
    /// Covered population and accessibility before and after the query's places close.
    public func whatIf(_ query: WhatIfQuery) throws -> WhatIfReport {
        let after = try relayDirectory(closing: Set(query.closing))
        return try WhatIfReport(query, before: try relayDirectory(), after: after, territories: try territoryTable())
    }
}
