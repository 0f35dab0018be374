/// Places a row in a commune from its own fields first: its INSEE code (repaired when the damage
/// is a known one); else its commune name within its postal code's département (arrondissements
/// of Paris, Lyon and Marseille written out count as their commune); else its postal code, when it
/// is known to serve one commune only (``PostalCodes``). Coordinates come only after these: the
/// nearest commune centroid among the communes the postal code is known to serve, and as a last
/// resort, reported with a warning, the nearest centroid in the département.
package struct CommuneLocator: Sendable {
    package let index: CommuneIndex
    package let postalCodes: PostalCodes
    /// Coordinates farther than this from the commune's centroid are reported.
    package static let farFromCommuneKm = EffectiveLocation.farFromCommuneKm

    /// A remark about a row's location, to be turned into an issue or a counted correction.
    package struct Remark: Equatable, Sendable {
        package enum Kind: Equatable, Sendable { case warning, correction }
        package var kind: Kind
        package var field: Field
        package var value: String
        package var message: String
    }

    package enum Field: Sendable { case codeInsee, codePostal, commune, coordinates }

    package struct Location: Sendable {
        package var code: String?
        package var placement: Placement
        package var remarks: [Remark] = []
    }

    package init(index: CommuneIndex, postalCodes: PostalCodes = PostalCodes()) {
        self.index = index
        self.postalCodes = postalCodes
    }

    /// This locator, knowing the postal codes served according to the file's own rows: each row's
    /// INSEE code (as given, or repaired) with its postal code. Only the file's own rows count, so
    /// a row's commune never depends on what the database held before (a directory rebuilt from
    /// its export plus the original lists places them the same way).
    package func learningPostalCodes(from file: TabularFile, codeInsee: Int?, postalCode: Int?) -> CommuneLocator {
        var learning = PostalCodeLearning(locator: self, codeInsee: codeInsee, postalCode: postalCode)
        for record in file.records { learning.learn(record) }
        return learning.learnt
    }

    /// The postal codes a file's rows give, learnt one row at a time (a file read in pieces is
    /// read twice: once to learn them, then to place its rows).
    package struct PostalCodeLearning {
        let locator: CommuneLocator
        let codeInsee: Int?
        let postalCode: Int?
        private var pairs: [(postalCode: String, commune: String)] = []

        /// Learns from the rows whose INSEE code is at `codeInsee` and postal code at `postalCode`.
        package init(locator: CommuneLocator, codeInsee: Int?, postalCode: Int?) {
            self.locator = locator
            self.codeInsee = codeInsee
            self.postalCode = postalCode
        }

        /// Learns the pair one row gives, if any.
        package mutating func learn(_ record: CSVRecord) {
            guard let codeInsee, let postalCode, codeInsee < record.fields.count, postalCode < record.fields.count else { return }
            var code = record.fields[codeInsee].trimmed
            if code.hasSuffix(".0") { code.removeLast(2) }
            var postal = record.fields[postalCode].trimmed
            if postal.count == 4, postal.isASCIIDigits { postal = "0" + postal }
            guard postal.count == 5, let commune = locator.index.commune(code: code)?.code ?? locator.repair(code)?.code else { return }
            pairs.append((postal, commune))
        }

        /// The locator, knowing the postal codes learnt (unchanged when the file has no INSEE code or no postal code).
        package var learnt: CommuneLocator {
            guard codeInsee != nil, postalCode != nil else { return locator }
            return CommuneLocator(index: locator.index, postalCodes: PostalCodes(pairs: pairs))
        }
    }

    /// Locates a row from whatever it gives.
    package func locate(codeInsee: String?, postalCode: String?, communeName: String?, latitude: Double?, longitude: Double?) -> Location {
        var remarks: [Remark] = []
        var location: Location?
        let postalDepartement = postalCode.flatMap(index.departement(ofPostalCode:))
        let point = latitude.flatMap { latitude in longitude.map { (latitude, $0) } }

        if let code = codeInsee {
            if index.commune(code: code) != nil {
                location = Location(code: code, placement: .file)
            } else if let repaired = repair(code) {
                remarks.append(Remark(kind: .correction, field: .codeInsee, value: code, message: repaired.reason))
                location = Location(code: repaired.code, placement: .corrected)
            } else {
                remarks.append(Remark(kind: .warning, field: .codeInsee, value: code,
                                      message: "expected the INSEE code of a current commune; this one is unknown, so the row was placed from its other fields"))
            }
        }
        if location == nil, let name = communeName, let departement = postalDepartement {
            switch commune(named: name, inDepartement: departement, postalCode: postalCode) {
            case .one(let code):
                location = Location(code: code, placement: .postal)
            case .near(let code):
                location = Location(code: code, placement: .postal)
                remarks.append(Remark(kind: .warning, field: .commune, value: name,
                                      message: "no current commune of département \(departement) has exactly this name; read as \(code) (\(index.commune(code: code)?.nom ?? code)), the one whose name nearly matches"))
            case .none:
                remarks.append(Remark(kind: .warning, field: .commune, value: name,
                                      message: "no current commune of département \(departement) has this name; the row was placed from its other fields"))
            case .several(let codes, let exact):
                remarks.append(Remark(kind: .warning, field: .commune, value: name,
                                      message: "\(codes.count) communes of département \(departement) have \(exact ? "this name" : "a name like this") (\(codes.joined(separator: ", "))) and the postal code "
                                        + "is not known to serve just one of them; the row was placed from its other fields"))
            }
        }
        if location == nil, let postalCode {
            let served = postalCodes.communes(withPostalCode: postalCode).filter { index.commune(code: $0) != nil }
            if served.count == 1 {
                location = Location(code: served[0], placement: .postalCode)
            } else if served.count > 1, let point, let nearest = nearest(to: point, among: served) {
                location = Location(code: nearest.code, placement: .coordinates)
            }
        }
        if location == nil, let point {
            let departement = postalDepartement ?? codeInsee.map(CommuneIndex.departement(ofInseeCode:))
            let known = departement.flatMap { index.departementCodes.contains($0) ? $0 : nil }
            if let nearest = index.nearest(latitude: point.0, longitude: point.1, inDepartement: known) {
                location = Location(code: nearest.commune.code, placement: .nearest)
                let far = nearest.distanceKm > Self.farFromCommuneKm ? "; the coordinates or the postal code look wrong" : ""
                remarks.append(Remark(kind: .warning, field: .coordinates, value: "\(point.0), \(point.1)",
                                      message: "last resort: placed in the commune whose centroid is nearest, \(nearest.commune.code) (\(nearest.commune.nom)) in département \(known ?? "?"), "
                                        + "\(Self.kilometres(nearest.distanceKm)) away\(far); give the row's INSEE code, or its commune name and postal code, to place it surely"))
            }
        }
        var result = location ?? Location(code: nil, placement: .none)
        if let code = result.code, let commune = index.commune(code: code) {
            if let postalCode, let departement = postalDepartement, departement != commune.departement,
               !(commune.departement == "2A" || commune.departement == "2B") || !postalCode.hasPrefix("20") {
                remarks.append(Remark(kind: .warning, field: .codePostal, value: postalCode,
                                      message: "the postal code points to département \(departement), but commune \(code) (\(commune.nom)) is in \(commune.departement)"))
            }
            if let point, let lat = commune.latitude, let lon = commune.longitude, result.placement != .nearest {
                let distance = Haversine.distanceKm(point.0, point.1, lat, lon)
                if distance > Self.farFromCommuneKm {
                    remarks.append(Remark(kind: .warning, field: .coordinates, value: "\(point.0), \(point.1)",
                                          message: "the coordinates lie \(Int(distance.rounded())) km from the centroid of commune \(code) (\(commune.nom)); expected within \(Int(Self.farFromCommuneKm)) km"))
                }
            }
        }
        result.remarks = remarks
        return result
    }

    /// What a commune name designates in a département.
    private enum NameMatch { case none, one(String), near(String), several([String], exact: Bool) }

    /// The commune a name designates in a département: an arrondissement written out ("PARIS 11")
    /// is its commune; homonyms are told apart by the communes the postal code is known to serve.
    private func commune(named name: String, inDepartement departement: String, postalCode: String?) -> NameMatch {
        if let arrondissement = MunicipalArrondissement.named(name), let commune = index.commune(code: arrondissement.commune),
           commune.departement == departement {
            return .one(commune.code)
        }
        let served = Set(postalCode.map(postalCodes.communes(withPostalCode:)) ?? [])
        let exact = index.communes(named: name, inDepartement: departement).map(\.code)
        let found = exact.isEmpty ? index.communes(nearlyNamed: name, inDepartement: departement).map(\.code) : exact
        if found.count == 1 { return exact.isEmpty ? .near(found[0]) : .one(found[0]) }
        let narrowed = found.filter(served.contains)
        if narrowed.count == 1 { return exact.isEmpty ? .near(narrowed[0]) : .one(narrowed[0]) }
        return found.isEmpty ? .none : .several(found, exact: !exact.isEmpty)
    }

    /// Of these communes, the one whose centroid is nearest to the point.
    private func nearest(to point: (Double, Double), among codes: [String]) -> CommuneIndex.Commune? {
        codes.compactMap(index.commune(code:)).compactMap { commune in
            commune.latitude.flatMap { lat in commune.longitude.map { (commune, Haversine.distanceKm(point.0, point.1, lat, $0)) } }
        }.min { ($0.1, $0.0.code) < ($1.1, $1.0.code) }?.0
    }

    /// A distance for a message: one decimal under 10 km, whole kilometres beyond.
    private static func kilometres(_ distance: Double) -> String {
        distance < 10 ? "\((distance * 10).rounded() / 10) km" : "\(Int(distance.rounded())) km"
    }

    /// Repairs the INSEE-code damage seen in real files: a lost leading zero, an arrondissement of
    /// Paris, Lyon or Marseille.
    private func repair(_ code: String) -> (code: String, reason: String)? {
        if code.count == 4, code.isASCIIDigits, index.commune(code: "0" + code) != nil {
            return ("0" + code, "INSEE code that lost its leading zero, restored")
        }
        if let parent = Self.arrondissementParent(code), index.commune(code: parent) != nil {
            return (parent, "arrondissement code mapped to its commune")
        }
        return nil
    }

    /// The commune of a municipal arrondissement code (Paris 75101–75120, Marseille 13201–13216, Lyon 69381–69389).
    static func arrondissementParent(_ code: String) -> String? { MunicipalArrondissement.withCode(code)?.commune }
}
