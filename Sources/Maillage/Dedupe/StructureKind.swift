/// What kind of structure a place is, as far as its name or typology tells: two records of one
/// real place cannot be of incompatible kinds (a library and a social centre in one building are
/// two places; a France Services and a PIMMS may be one desk).
enum StructureKind: String, CaseIterable, Sendable {
    case franceServices = "france-services"
    case townHall = "mairie"
    case library = "bibliotheque"
    case socialCentre = "centre-social"
    case socialAction = "action-sociale"
    case employment = "emploi"
    case youth = "jeunesse"
    case digitalSpace = "espace-numerique"
    case school = "enseignement"
    case shop = "commerce"

    /// Kinds that may describe one place: same kind, or both in one of these families.
    private static let families: [Set<StructureKind>] = [
        [.franceServices, .townHall],
        [.library, .digitalSpace],
        [.socialCentre, .digitalSpace],
        [.socialCentre, .youth],
        [.youth, .employment],
    ]

    /// Whether a place of one kind and a place of the other can be the same place. Unknown kinds
    /// (nil) are compatible with everything.
    static func compatible(_ first: StructureKind?, _ second: StructureKind?) -> Bool {
        guard let first, let second, first != second else { return true }
        return families.contains { $0.contains(first) && $0.contains(second) }
    }

    /// Phrases of a folded name that tell the kind, the first found wins (longer, more telling
    /// phrases are listed before the words they contain). Plurals read as singulars ("Réseau des
    /// médiathèques").
    private static let written: [(phrase: String, kind: StructureKind)] = [
        ("france service", .franceServices), ("msap", .franceServices), ("maison de services au public", .franceServices), ("pimms", .franceServices),
        ("centre communal d action sociale", .socialAction), ("ccas", .socialAction), ("cias", .socialAction), ("maison des solidarites", .socialAction),
        ("maison departementale des solidarites", .socialAction), ("medico social", .socialAction), ("centre social", .socialCentre), ("centre socioculturel", .socialCentre),
        ("centre socio culturel", .socialCentre), ("espace de vie sociale", .socialCentre), ("mediatheque", .library), ("bibliotheque", .library),
        ("ludotheque", .library), ("mission locale", .employment), ("pole emploi", .employment), ("france travail", .employment),
        ("information jeunesse", .youth), ("mjc", .youth), ("maison des jeunes", .youth), ("espace public numerique", .digitalSpace),
        ("epn", .digitalSpace), ("cyber base", .digitalSpace), ("fablab", .digitalSpace), ("tiers lieu", .digitalSpace),
        ("mairie", .townHall), ("hotel de ville", .townHall), ("college", .school), ("lycee", .school),
        ("ecole", .school), ("universite", .school), ("boulangerie", .shop), ("pharmacie", .shop),
        ("tabac", .shop), ("supermarche", .shop),
    ]

    static let phrases: [(words: [Substring], kind: StructureKind)] = written.map { entry in
        (entry.phrase.split(separator: " ").map(singularised), entry.kind)
    }

    /// The data·inclusion structure typologies that tell a kind.
    static let typologies: [String: StructureKind] = [
        "FS": .franceServices, "MUNI": .townHall, "BIB": .library, "CS": .socialCentre, "CCAS": .socialAction,
        "CIAS": .socialAction, "MDS": .socialAction, "ML": .employment, "PE": .employment, "PIJ_BIJ": .youth,
        "MJC": .youth, "EPN": .digitalSpace, "TIERS_LIEUX": .digitalSpace,
    ]

    /// The kind a record's typology (its first known code) or, failing that, its name tells.
    static func of(name: FoldedText, typologie: String?) -> StructureKind? {
        if let typologie, let kind = typologie.split(separator: "|").lazy.compactMap({ typologies[String($0)] }).first {
            return kind
        }
        let singular = name.words.map(singularised)
        for (phrase, kind) in phrases where singular.contains(phrase) { return kind }
        return nil
    }

    /// A word without the plural's final "s" ("mediatheques" → "mediatheque"), for words over three letters.
    static func singularised(_ word: Substring) -> Substring {
        word.count > 3 && word.hasSuffix("s") ? word.dropLast() : word
    }
}

extension Array where Element == Substring {
    /// Whether `phrase` appears as consecutive words.
    func contains(_ phrase: [Substring]) -> Bool {
        guard phrase.count <= count else { return false }
        return (0...(count - phrase.count)).contains { start in self[start..<start + phrase.count].elementsEqual(phrase) }
    }
}
