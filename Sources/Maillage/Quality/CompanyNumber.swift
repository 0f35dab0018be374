/// The check digits of French company numbers: SIREN (9 digits) and SIRET (14 digits, its SIREN
/// and a 5-digit establishment number), both Luhn numbers, as INSEE defines them.
package enum CompanyNumber {
    /// The SIREN of La Poste, whose establishments' SIRETs follow their own rule.
    static let laPosteSiren = "356000000"
    /// La Poste's head office, whose SIRET is a plain Luhn number.
    static let laPosteHeadOffice = "35600000000048"

    /// Whether `siret` is 14 digits whose SIREN and whole number pass their checks; La Poste's
    /// establishments (SIREN 356000000, head office aside) need instead a digit sum divisible by 5.
    package static func isValidSiret(_ siret: String) -> Bool {
        guard let digits = Self.digits(siret), digits.count == 14, isValidSiren(String(siret.prefix(9))) else { return false }
        if siret.hasPrefix(laPosteSiren), siret != laPosteHeadOffice { return digits.reduce(0, +) % 5 == 0 }
        return passesLuhn(digits)
    }

    /// Whether `siren` is 9 digits passing the Luhn check.
    package static func isValidSiren(_ siren: String) -> Bool {
        guard let digits = Self.digits(siren), digits.count == 9 else { return false }
        return passesLuhn(digits)
    }

    /// The Luhn check: from the right, every second digit doubled (less 9 above 9); the sum ends in 0.
    package static func passesLuhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let value = offset % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }

    private static func digits(_ text: String) -> [Int]? {
        var digits: [Int] = []
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            digits.append(Int(byte - 0x30))
        }
        return digits.isEmpty ? nil : digits
    }
}
