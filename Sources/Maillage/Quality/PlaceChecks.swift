/// The checks on one real place: where it stands (``QualityProblemKind/farFromCommune``,
/// ``QualityProblemKind/otherDepartement``), how old it is (``QualityProblemKind/stale``) and
/// whether its opening hours read (``QualityProblemKind/unreadableHours``).
struct PlaceChecks {
    let departements: CoordinateDepartements
    let communeOf: [String: QualityRows.Commune]
    /// The day checked (YYYY-MM-DD).
    let today: String
    /// Places last updated before this day (YYYY-MM-DD), twelve months before `today`, are stale.
    let staleBefore: String

    init(communes: [QualityRows.Commune], today: LocalDateTime) {
        departements = CoordinateDepartements(communes: communes)
        communeOf = Dictionary(uniqueKeysWithValues: communes.map { ($0.code, $0) })
        self.today = today.dateText
        staleBefore = Self.twelveMonthsBefore(today)
    }

    /// The day twelve months before `today` (the 28th of February for a 29th), as YYYY-MM-DD.
    static func twelveMonthsBefore(_ today: LocalDateTime) -> String {
        let day = min(today.day, LocalDateTime.daysInMonth(year: today.year - 1, month: today.month))
        return LocalDateTime(year: today.year - 1, month: today.month, day: day).dateText
    }

    func problems(of place: QualityRows.Place, source: String) -> [QualityProblem] {
        var problems: [QualityProblem] = []
        func problem(_ kind: QualityProblemKind, field: String?, value: String?, expected: String?, position: Int? = nil, _ detail: String) {
            problems.append(QualityProblem(kind: kind, id: place.publicId, nom: place.nom, source: source, field: field, value: value,
                                           expected: expected, position: position, detail: detail))
        }
        if let latitude = place.latitude, let longitude = place.longitude {
            let point = "\(latitude), \(longitude)"
            if let code = place.codeInsee, let commune = communeOf[code], let lat = commune.latitude, let lon = commune.longitude {
                let distance = EffectiveLocation.distanceKm(latitude: latitude, longitude: longitude, from: (lat, lon))
                if distance > EffectiveLocation.farFromCommuneKm {
                    problem(.farFromCommune, field: "coordinates", value: point,
                            expected: "within \(Int(EffectiveLocation.farFromCommuneKm)) km of the centroid of \(code) (\(commune.nom))",
                            "the coordinates lie \(Self.kilometres(distance)) from the centroid of commune \(code) (\(commune.nom)); "
                                + "every distance counts the place at that centroid until they are corrected")
                }
            }
            for (field, code, departements) in codes(of: place) {
                guard let verdict = self.departements.outside(latitude: latitude, longitude: longitude, departements: departements) else { continue }
                let named = departements.joined(separator: " or ")
                problem(.otherDepartement, field: field, value: code, expected: "a code of département \(verdict.nearest.departement), where the coordinates lie",
                        "\(field) \(code) points to département \(named), but the coordinates (\(point)) lie in \(verdict.nearest.departement) "
                            + "(nearest commune \(verdict.nearest.code) \(verdict.nearest.nom), \(Self.kilometres(verdict.nearestKm)); "
                            + "the nearest commune of \(named) is \(Self.kilometres(verdict.ownKm)) away)")
            }
        }
        if let date = place.dateMaj {
            if date < staleBefore {
                problem(.stale, field: "date_maj", value: date, expected: "\(staleBefore) or later",
                        "last updated \(date), more than 12 months before \(today)")
            }
        } else {
            problem(.stale, field: "date_maj", value: nil, expected: "\(staleBefore) or later", "no date_maj: when it was last updated is unknown")
        }
        if let hours = place.horaires {
            do {
                _ = try OpeningHours(parsing: hours)
            } catch {
                problem(.unreadableHours, field: "horaires", value: hours, expected: error.expected, position: error.position,
                        "horaires cannot be read as OSM opening_hours: at character \(error.position + 1), expected \(error.expected); kept as text")
            }
        }
        return problems
    }

    /// The place's codes and the départements each points to.
    private func codes(of place: QualityRows.Place) -> [(field: String, code: String, departements: [String])] {
        var codes: [(String, String, [String])] = []
        if let postal = place.codePostal {
            let departements = CoordinateDepartements.departements(ofPostalCode: postal)
            if !departements.isEmpty { codes.append((LieuColumn.codePostal.rawValue, postal, departements)) }
        }
        if let code = place.codeInsee, let commune = communeOf[code] {
            codes.append((LieuColumn.codeInsee.rawValue, code, [commune.departement]))
        }
        return codes
    }

    /// A distance for a message: one decimal under 10 km, whole kilometres beyond.
    static func kilometres(_ distance: Double) -> String {
        distance < 10 ? "\((distance * 10).rounded() / 10) km" : "\(Int(distance.rounded())) km"
    }
}

extension LocalDateTime {
    /// The date alone, as YYYY-MM-DD.
    var dateText: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
