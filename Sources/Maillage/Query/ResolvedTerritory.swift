/// A territory code as a user gave it, resolved: the territory the answer is for, and what was
/// understood on the way (an arrondissement answered for its commune, a code that is also a
/// postal code of other communes, a bare code that is also a région's).
public struct ResolvedTerritory: Sendable, Equatable, Codable {
    /// A commune named by its code and name.
    public struct CommuneName: Sendable, Equatable, Codable {
        public var code: String
        public var nom: String
    }

    /// The code as given.
    public var asked: String
    public var level: TerritoryLevel
    /// The code of the territory answered for (for an arrondissement: its commune's).
    public var code: String
    public var nom: String
    /// The municipal arrondissement the code names, when it names one.
    public var arrondissement: MunicipalArrondissement?
    /// The other communes for which the code given is also a postal code, as the directory's places give them.
    public var alsoPostalCodeOf: [CommuneName] = []
    /// What was understood, in sentences (empty when the code meant nothing else).
    public var notes: [String] = []

    /// How answers name its kind: `commune`, `EPCI`, `département`, `région`, `France`.
    public var kind: String {
        switch level {
        case .commune: "commune"
        case .epci: "EPCI"
        case .departement: "département"
        case .region: "région"
        case .france: "France"
        }
    }

    /// Kind first, as a reader checks it: `commune 07186 Privas`, `département 07 Ardèche`, `France`.
    public var label: String {
        level == .france ? "France" : "\(kind) \(code) \(nom)"
    }

    enum CodingKeys: String, CodingKey {
        case asked, level, code, nom, arrondissement
        case alsoPostalCodeOf = "also_postal_code_of"
        case notes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asked, forKey: .asked)
        try container.encode(level, forKey: .level)
        try container.encode(code, forKey: .code)
        try container.encode(nom, forKey: .nom)
        try container.encode(arrondissement, forKey: .arrondissement)
        try container.encode(alsoPostalCodeOf, forKey: .alsoPostalCodeOf)
        try container.encode(notes, forKey: .notes)
    }
}

extension TerritoryTable {
    /// The commune a code names: a current commune's INSEE code, or a municipal arrondissement's
    /// (answered for its commune, and said so); with a note when the code is also the postal code
    /// of other communes. This is where every commune code a user gives is read.
    public func commune(_ code: String) throws(QueryError) -> ResolvedTerritory {
        let arrondissement = MunicipalArrondissement.withCode(code)
        let communeCode = arrondissement?.commune ?? code
        guard let row = communeRow(code: communeCode) else {
            throw .unknownCommune(code, postalCodeOf: postalCodes.communes(withPostalCode: code).compactMap(communeName))
        }
        var resolved = ResolvedTerritory(asked: code, level: .commune, code: row.code, nom: row.nom, arrondissement: arrondissement)
        if let arrondissement {
            resolved.notes.append("\(code) is the code of \(arrondissement.nom), a municipal arrondissement: the answer is for its commune, \(row.code) \(row.nom).")
        }
        resolved.alsoPostalCodeOf = postalCodes.communes(withPostalCode: code).filter { $0 != row.code }.compactMap(communeName)
        if !resolved.alsoPostalCodeOf.isEmpty {
            let others = resolved.alsoPostalCodeOf.map { "\($0.code) \($0.nom)" }.joined(separator: ", ")
            resolved.notes.append("\(code) is also the postal code of \(others) (as the directory's places give it); "
                                  + "the answer is for the commune whose INSEE code is \(code), \(row.nom).")
        }
        return resolved
    }

    /// The territory a scope names: a commune's INSEE code or a municipal arrondissement's (see
    /// ``commune(_:)``), an EPCI SIREN, a département code, or `LEVEL:CODE` (`region:84`; région
    /// and département codes overlap: bare `84` is Vaucluse, and a note says so).
    public func territory(_ scope: String) throws(QueryError) -> ResolvedTerritory {
        let parts = scope.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2, let level = TerritoryLevel(rawValue: parts[0].lowercased()) {
            if level == .commune, let commune = try? commune(parts[1]) { return commune }
            if level != .commune, known(parts[1], at: level) { return named(parts[1], at: level, asked: scope) }
            throw .unknownTerritory(scope)
        }
        if let commune = try? commune(scope) { return commune }
        for level in [TerritoryLevel.epci, .departement, .region] where known(scope, at: level) {
            var resolved = named(scope, at: level, asked: scope)
            if level == .departement, known(scope, at: .region) {
                resolved.notes.append("\(scope) is read as département \(scope) \(resolved.nom); for région \(name(of: scope, at: .region)), give region:\(scope).")
            }
            return resolved
        }
        throw .unknownTerritory(scope)
    }

    private func named(_ code: String, at level: TerritoryLevel, asked: String) -> ResolvedTerritory {
        ResolvedTerritory(asked: asked, level: level, code: level == .france ? "france" : code, nom: name(of: code, at: level))
    }

    private func communeName(_ code: String) -> ResolvedTerritory.CommuneName? {
        communeRow(code: code).map { .init(code: $0.code, nom: $0.nom) }
    }
}
