/// Text reduced for comparison: lower case, accents and ligatures removed, every character other
/// than `a`–`z` and `0`–`9` a space, runs of spaces one space, split into words.
///
/// The same reduction as `Benchmarks/compare/dedupe_reference.py` (NFKD, nonspacing marks dropped),
/// so that both compute the same similarities.
struct FoldedText: Equatable {
    var words: [Substring]

    init(_ text: String) {
        var folded = ""
        folded.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "a"..."z", "0"..."9": folded.unicodeScalars.append(scalar)
            case "œ": folded += "oe"
            case "æ": folded += "ae"
            case "ß": folded += "ss"
            default: folded += " "
            }
        }
        words = folded.split(separator: " ")
    }

    /// The words joined by single spaces.
    var text: String { words.joined(separator: " ") }
}

/// Words that carry no identity in a French place's name or street ("de", "la", "l'"…).
enum FrenchStopWords {
    static let all: Set<Substring> = ["a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "sur", "sous"]
}
