import GRDB

extension Store {
    /// ``search(_:limit:)`` widened for people who type: its hits first; then, when the words name a
    /// département ("Ardèche", "mediatheque ardeche"), the places there matching the other words;
    /// then, when fewer than five hits were found, names and communes within a few typing mistakes
    /// of every word ("mediateque"), or of the words other than the département's name, in it
    /// ("franse servises creuse"). Each hit says how it was found and carries its commune's INSEE
    /// code, official name, postal code and département.
    public func tolerantSearch(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty, limit > 0 else { return [] }
        var hits = try search(text, limit: limit)  // also brings the full-text index up to date
        var found = Set(hits.map(\.id))
        func add(_ more: [SearchHit]) {
            for hit in more where hits.count < limit && !found.contains(hit.id) {
                hits.append(hit)
                found.insert(hit.id)
            }
        }
        let departement = try departementNamed(in: words)
        if hits.count < limit, let (code, otherWords) = departement {
            add(try places(inDepartement: code, matching: otherWords, limit: limit))
        }
        if hits.count < Swift.min(limit, 5) {
            add(try approximateHits(TypoTolerance(words: words), limit: limit))
        }
        // "franse servises creuse": the other words, approximately, in the département.
        if hits.count < Swift.min(limit, 5), let (code, otherWords) = departement, !otherWords.isEmpty {
            let near = try withCommunes(try approximateHits(TypoTolerance(words: otherWords), limit: .max)).filter { $0.departement == code }
            add(Array(near.prefix(limit)))
        }
        return try withCommunes(hits)
    }

    /// The département a run of the words names, and the other words.
    private func departementNamed(in words: [String]) throws -> (String, [String])? {
        let departements = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT code, nom FROM departement").map { (code: $0["code"] as String, nom: $0["nom"] as String) }
        }
        return DepartementNames(departements).find(in: words).map { ($0.code, $0.otherWords) }
    }

    /// The places of a département whose name, commune or description hold `words` (all of them, by
    /// name, when there are none), as département hits.
    private func places(inDepartement code: String, matching words: [String], limit: Int) throws -> [SearchHit] {
        if words.isEmpty {
            return try writer.read { db in
                try SearchIndexRow.fetchAll(db, sql: """
                    SELECT n.public_id, 'place' AS kind, p.nom,
                           TRIM(IFNULL(c.nom, '') || ' ' || IFNULL(p.commune, '') || ' ' || IFNULL(p.code_postal, '')) AS commune, '' AS snippet
                    FROM shown_place p JOIN shown_node n ON n.id = p.node_id JOIN commune c ON c.code_insee = p.code_insee
                    WHERE c.departement_code = ? AND n.active ORDER BY p.nom, n.public_id LIMIT ?
                    """, arguments: [code, limit]).map { $0.hit(match: .departement) }
            }
        }
        let inDepartement = try withCommunes(try search(words.joined(separator: " "), limit: 100_000)).filter { $0.departement == code }
        return inDepartement.prefix(limit).map { hit in
            var hit = hit
            hit.match = .departement
            return hit
        }
    }

    /// Names and communes of the full-text index within a few edits of every word: fewest edits
    /// first, then names where the words come first.
    ///
    /// - Complexity: O(indexed rows × words × word length²): a scan, run only when the exact search finds few.
    private func approximateHits(_ tolerance: TypoTolerance, limit: Int) throws -> [SearchHit] {
        var scored: [(edits: Int, position: Int, hit: SearchHit)] = []
        try writer.read { db in
            let rows = try SearchIndexRow.fetchCursor(db, sql: "SELECT public_id, kind, nom, commune, '' AS snippet FROM search_index")
            while let row = try rows.next() {
                guard let (edits, position) = tolerance.edits(in: row.nom + " " + row.commune) else { continue }
                scored.append((edits, position, row.hit(match: .approximate)))
            }
        }
        return scored.sorted { ($0.edits, $0.position, $0.hit.nom, $0.hit.id) < ($1.edits, $1.position, $1.hit.nom, $1.hit.id) }
            .prefix(limit).map(\.hit)
    }

    /// The hits with their place's commune: INSEE code, official name, postal code, département.
    private func withCommunes(_ hits: [SearchHit]) throws -> [SearchHit] {
        guard !hits.isEmpty else { return hits }
        let communes = try writer.read { db in
            var byId: [String: HitCommuneRow] = [:]
            // In chunks, under SQLite's limit on bound values.
            for start in stride(from: 0, to: hits.count, by: 10_000) {
                let ids = hits[start..<Swift.min(start + 10_000, hits.count)].map(\.id)
                for row in try SQLRequest<HitCommuneRow>(literal: """
                    SELECT n.public_id, p.code_insee, c.nom AS commune_nom, p.code_postal, c.departement_code
                    FROM shown_node n JOIN shown_place p ON p.node_id = n.id LEFT JOIN commune c ON c.code_insee = p.code_insee
                    WHERE n.public_id IN \(ids)
                    """).fetchAll(db) {
                    byId[row.publicId] = row
                }
            }
            return byId
        }
        return hits.map { hit in
            guard let row = communes[hit.id] else { return hit }
            var hit = hit
            hit.codeInsee = row.codeInsee
            hit.communeNom = row.communeNom
            hit.codePostal = row.codePostal
            hit.departement = row.departement
            return hit
        }
    }
}

/// A hit's place and its commune, read by column name.
private struct HitCommuneRow: FetchableRecord {
    var publicId: String
    var codeInsee: String?
    var communeNom: String?
    var codePostal: String?
    var departement: String?

    init(row: Row) {
        publicId = row["public_id"]
        codeInsee = row["code_insee"]
        communeNom = row["commune_nom"]
        codePostal = row["code_postal"]
        departement = row["departement_code"]
    }
}
