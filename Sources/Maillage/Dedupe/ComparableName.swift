/// A place's name as dedupe compares it: folded, without stop words, and its *core*, the words
/// left once the generic words of structure names are dropped ("Mairie de Privas" → "privas",
/// "Centre social La Pinède" → "pinede"), so that "Mairie de X" and "X" read as one name.
struct ComparableName {
    /// Folded, stop words dropped, as ASCII bytes.
    var full: [UInt8]
    /// The full name without its generic words; empty when nothing else is left.
    var core: [UInt8]

    /// Words of structure names that do not tell which structure it is.
    static let genericWords: Set<Substring> = [
        "mairie", "hotel", "ville", "commune", "communaute", "communes", "cc", "agglomeration",
        "centre", "social", "sociale", "sociaux", "socioculturel", "communal", "intercommunal", "action",
        "espace", "mediatheque", "bibliotheque", "maison", "association", "asso", "ass",
        "france", "services", "service", "numerique", "numeriques", "public", "publique",
        "ccas", "cias", "pimms", "msap", "epn", "point", "info", "antenne", "pole",
    ]

    init(_ name: String) {
        let words = FoldedText(name).words.filter { !FrenchStopWords.all.contains($0) }
        full = Array(words.joined(separator: " ").utf8)
        core = Array(words.filter { !Self.genericWords.contains($0) }.joined(separator: " ").utf8)
    }

    /// Whether there is a name to compare at all.
    var isEmpty: Bool { full.isEmpty }

    /// The similarity of two names, 0 to 100: of the full names, or of their cores when both have
    /// one and they are closer.
    static func similarity(_ first: ComparableName, _ second: ComparableName) -> Double {
        let full = IndelRatio.of(first.full, second.full)
        guard !first.core.isEmpty, !second.core.isEmpty else { return full }
        return max(full, IndelRatio.of(first.core, second.core))
    }
}

/// A street address as dedupe compares it: folded, cut before the postal code (the national
/// lists append "84200 CARPENTRAS"), common abbreviations written out ("r." → "rue", "av" →
/// "avenue", "bd" → "boulevard", "st" → "saint"…), stop words dropped.
enum ComparableStreet {
    static let abbreviations: [Substring: Substring] = [
        "r": "rue", "av": "avenue", "ave": "avenue", "bd": "boulevard", "bld": "boulevard", "boul": "boulevard",
        "pl": "place", "ch": "chemin", "chem": "chemin", "rte": "route", "imp": "impasse", "all": "allee",
        "sq": "square", "fg": "faubourg", "fbg": "faubourg", "st": "saint", "ste": "sainte", "crs": "cours",
        "res": "residence", "gal": "general", "gen": "general", "mal": "marechal", "pdt": "president",
        "qu": "quai", "prom": "promenade", "lot": "lotissement",
    ]

    /// The normalised street as ASCII bytes, empty when there is none.
    static func of(_ address: String?) -> [UInt8] {
        guard let address else { return [] }
        var words: [Substring] = []
        for word in FoldedText(address).words {
            if word.count == 5, word.allSatisfy(\.isASCIIDigit) { break }
            let written = abbreviations[word] ?? word
            if !FrenchStopWords.all.contains(written) { words.append(written) }
        }
        return Array(words.joined(separator: " ").utf8)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
