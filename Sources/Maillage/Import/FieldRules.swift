/// Readers for the fields that every structure file has: identifiers, postal codes, SIRET,
/// dates, and the commune a row belongs to.
extension RowReader {
    /// A postal code: five digits; four digits get their leading zero back; anything else is kept with a warning.
    package mutating func postalCode(at position: Int?) -> String? {
        guard let raw = value(at: position) else { return nil }
        if raw.count == 5, raw.isASCIIDigits { return raw }
        if raw.count == 4, raw.isASCIIDigits {
            corrections.append("postal code that lost its leading zero, restored")
            return "0" + raw
        }
        warning(position, raw, "expected a postal code of five digits; kept as written")
        return raw
    }

    /// A SIRET or RNA (`^[a-zA-Z0-9]{9,14}$`); a SIRET written as a float ("13002603200016.0") is repaired;
    /// the v0.1 placeholder "00000000000000" reads as none.
    package mutating func pivot(at position: Int?) -> String? {
        guard var raw = value(at: position) else { return nil }
        if raw.hasSuffix(".0"), raw.dropLast(2).isASCIIDigits {
            raw.removeLast(2)
            corrections.append("SIRET written as a float, repaired")
        }
        if raw.allSatisfy({ $0 == "0" }) {
            corrections.append("placeholder SIRET 00000000000000, dropped")
            return nil
        }
        if !(9...14).contains(raw.count) || !raw.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            warning(position, raw, "expected a SIRET (14 digits) or RNA number (9 to 14 letters and digits); kept as written")
        }
        return raw
    }

    /// A date as `YYYY-MM-DD`; `DD/MM/YYYY` and ISO date-times are converted.
    package mutating func date(at position: Int?, required: Bool) -> String? {
        guard let raw = value(at: position) else {
            if required { error(position, nil, "expected a date (YYYY-MM-DD); the field is required") }
            return nil
        }
        if let date = Self.isoDate(raw) { return date }
        let parts = raw.split(separator: "/")
        if parts.count == 3, parts[2].count == 4, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
           (1...12).contains(month), (1...31).contains(day) {
            corrections.append("date written DD/MM/YYYY, converted")
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        if raw.count > 10, let date = Self.isoDate(String(raw.prefix(10))) {
            corrections.append("date-time read as its date")
            return date
        }
        if required { error(position, raw, "expected a date as YYYY-MM-DD") } else { warning(position, raw, "expected a date as YYYY-MM-DD; left out") }
        return nil
    }

    private static func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil,
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return text
    }

    /// Places the row in a commune and reports what the locator noticed.
    package mutating func locate(
        with locator: CommuneLocator, codeInsee: Int?, postalCode: String?, postalAt: Int?, communeName: String?, communeAt: Int? = nil,
        coordinates: (latitude: Double, longitude: Double)?, coordinatesAt: Int?
    ) -> CommuneLocator.Location {
        var code = value(at: codeInsee)
        if let raw = code, raw.hasSuffix(".0") { code = String(raw.dropLast(2)) }
        let location = locator.locate(codeInsee: code, postalCode: postalCode, communeName: communeName,
                                      latitude: coordinates?.latitude, longitude: coordinates?.longitude)
        for remark in location.remarks {
            let position = switch remark.field {
            case .codeInsee: codeInsee
            case .codePostal: postalAt
            case .commune: communeAt
            case .coordinates: coordinatesAt
            }
            switch remark.kind {
            case .warning: warning(position, remark.value, remark.message)
            case .correction: corrections.append(remark.message)
            }
        }
        if location.placement == .none {
            warning(codeInsee, code, "could not be placed in a commune (no known INSEE code, no commune name matching its postal code, no postal code known to serve one commune, no coordinates); kept without a commune")
        }
        return location
    }
}
