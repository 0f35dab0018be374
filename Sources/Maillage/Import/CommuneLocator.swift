/// Places a row in a commune: from its INSEE code (repaired when the damage is a known one),
/// else from its coordinates (nearest commune centroid in its département), else from its postal
/// code and commune name.
package struct CommuneLocator: Sendable {
    package let index: CommuneIndex
    /// Coordinates farther than this from the commune's centroid are reported.
    package static let farFromCommuneKm = 30.0

    /// A remark about a row's location, to be turned into an issue or a counted correction.
    package struct Remark: Equatable, Sendable {
        package enum Kind: Equatable, Sendable { case warning, correction }
        package var kind: Kind
        package var field: Field
        package var value: String
        package var message: String
    }

    package enum Field: Sendable { case codeInsee, codePostal, coordinates }

    package struct Location: Sendable {
        package var code: String?
        package var placement: Placement
        package var remarks: [Remark] = []
    }

    package init(index: CommuneIndex) { self.index = index }

    /// Locates a row from whatever it gives.
    package func locate(codeInsee: String?, postalCode: String?, communeName: String?, latitude: Double?, longitude: Double?) -> Location {
        var remarks: [Remark] = []
        var location: Location?
        let postalDepartement = postalCode.flatMap(index.departement(ofPostalCode:))

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
        if location == nil, let latitude, let longitude {
            let departement = postalDepartement ?? codeInsee.map(CommuneIndex.departement(ofInseeCode:))
            let known = departement.flatMap { index.departementCodes.contains($0) ? $0 : nil }
            if let nearest = index.nearest(latitude: latitude, longitude: longitude, inDepartement: known) {
                location = Location(code: nearest.commune.code, placement: .coordinates)
                if nearest.distanceKm > Self.farFromCommuneKm {
                    remarks.append(Remark(kind: .warning, field: .coordinates, value: "\(latitude), \(longitude)",
                                          message: "the nearest commune of département \(known ?? "?") is \(nearest.commune.code) (\(nearest.commune.nom)), \(Int(nearest.distanceKm.rounded())) km away; placed there, but the coordinates or the postal code look wrong"))
                }
            }
        }
        if location == nil, let name = communeName, let departement = postalDepartement,
           let commune = index.commune(named: name, inDepartement: departement) {
            location = Location(code: commune.code, placement: .postal)
        }
        var result = location ?? Location(code: nil, placement: .none)
        if let code = result.code, let commune = index.commune(code: code) {
            if let postalCode, let departement = postalDepartement, departement != commune.departement,
               !(commune.departement == "2A" || commune.departement == "2B") || !postalCode.hasPrefix("20") {
                remarks.append(Remark(kind: .warning, field: .codePostal, value: postalCode,
                                      message: "the postal code points to département \(departement), but commune \(code) (\(commune.nom)) is in \(commune.departement)"))
            }
            if let latitude, let longitude, let lat = commune.latitude, let lon = commune.longitude, result.placement != .coordinates {
                let distance = Haversine.distanceKm(latitude, longitude, lat, lon)
                if distance > Self.farFromCommuneKm {
                    remarks.append(Remark(kind: .warning, field: .coordinates, value: "\(latitude), \(longitude)",
                                          message: "the coordinates lie \(Int(distance.rounded())) km from the centroid of commune \(code) (\(commune.nom)); expected within \(Int(Self.farFromCommuneKm)) km"))
                }
            }
        }
        result.remarks = remarks
        return result
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
    static func arrondissementParent(_ code: String) -> String? {
        guard code.count == 5, let number = Int(code) else { return nil }
        switch number {
        case 75101...75120: return "75056"
        case 13201...13216: return "13055"
        case 69381...69389: return "69123"
        default: return nil
        }
    }
}
