/// Which communes each postal code is known to serve, learnt from the directory's own rows that
/// give both a commune's INSEE code and a postal code.
///
/// The commune list has no postal codes (La Poste's base is not among the national files), and a
/// postal code often serves several communes (and a commune several postal codes), so this is
/// only as complete as the rows imported: a postal code "names one commune" when every pair seen
/// with it names that same commune. Pairs whose postal code points to another département than
/// the commune's are left out (they are the known errors of the lists, such as Mulhouse in 67000).
public struct PostalCodes: Sendable, Equatable {
    /// Postal code → the INSEE codes seen with it, ordered.
    private var communesByPostalCode: [String: [String]] = [:]

    /// No pair known.
    public init() {}

    /// From (postal code, INSEE code) pairs; inconsistent ones are left out, duplicates merged.
    public init<Pairs: Sequence>(pairs: Pairs) where Pairs.Element == (postalCode: String, commune: String) {
        var sets: [String: Set<String>] = [:]
        for pair in pairs where Self.isConsistent(postalCode: pair.postalCode, commune: pair.commune) {
            sets[pair.postalCode, default: []].insert(pair.commune)
        }
        communesByPostalCode = sets.mapValues { $0.sorted() }
    }

    /// Whether no pair is known.
    public var isEmpty: Bool { communesByPostalCode.isEmpty }

    /// The INSEE codes of the communes seen with this postal code, ordered (empty when unknown).
    public func communes(withPostalCode postalCode: String) -> [String] { communesByPostalCode[postalCode] ?? [] }

    /// The one commune this postal code is known to serve, if exactly one.
    public func onlyCommune(withPostalCode postalCode: String) -> String? {
        let communes = communes(withPostalCode: postalCode)
        return communes.count == 1 ? communes[0] : nil
    }

    /// The département a postal code belongs to (`20xxx` is Corsica: 2A below 20200, 2B from it;
    /// `97x`/`98x` overseas); nil when it is not five digits.
    public static func departement(ofPostalCode postalCode: String) -> String? {
        guard postalCode.count == 5, postalCode.isASCIIDigits else { return nil }
        let two = String(postalCode.prefix(2))
        if two == "20" { return postalCode >= "20200" ? "2B" : "2A" }
        if two == "97" || two == "98" { return String(postalCode.prefix(3)) }
        return two
    }

    /// Whether a postal code can serve a commune: same département (either Corsican one for `20xxx`).
    static func isConsistent(postalCode: String, commune: String) -> Bool {
        guard let departement = departement(ofPostalCode: postalCode) else { return false }
        let communeDepartement = CommuneIndex.departement(ofInseeCode: commune)
        if postalCode.hasPrefix("20") { return communeDepartement == "2A" || communeDepartement == "2B" }
        return departement == communeDepartement
    }
}
