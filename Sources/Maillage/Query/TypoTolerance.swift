/// Typo-tolerant matching of search words against names: each word must be within a few edits of
/// a word of the name (or of its start), ignoring case and accents.
struct TypoTolerance {
    /// The folded search words.
    let words: [[Unicode.Scalar]]

    init(words: [String]) {
        self.words = words.flatMap(Self.tokens).map { Array($0.unicodeScalars) }
    }

    /// Lower case, no accents, split on anything but letters and digits: "Médiathèque d'Annonay" →
    /// ["mediatheque", "d", "annonay"].
    static func tokens(_ text: String) -> [String] {
        TextKey.fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// How many edits a word of this length may take: none under 4 characters, one up to 7, two beyond.
    static func allowedEdits(forLength length: Int) -> Int {
        length < 4 ? 0 : length < 8 ? 1 : 2
    }

    /// The total edits that make every word match a word of `text` (a word matches the start of a
    /// longer one at no cost, as the full-text search does), and the position in `text` of the
    /// first word matched (a name that starts with the words ranks first); nil when some word matches none.
    func edits(in text: String) -> (edits: Int, position: Int)? {
        guard !words.isEmpty else { return nil }
        let tokens = Self.tokens(text).map { Array($0.unicodeScalars) }
        var total = 0
        var first = Int.max
        for word in words {
            let bound = Self.allowedEdits(forLength: word.count)
            var best: (edits: Int, position: Int)?
            for (position, token) in tokens.enumerated() {
                if token.starts(with: word) { best = (0, position); break }
                let candidates = token.count > word.count ? [token, Array(token.prefix(word.count))] : [token]
                for candidate in candidates {
                    if let distance = EditDistance.distance(word, candidate, atMost: Swift.min(bound, best.map { $0.edits - 1 } ?? bound)) {
                        best = (distance, position)
                    }
                }
            }
            guard let best else { return nil }
            total += best.edits
            first = Swift.min(first, best.position)
        }
        return (total, first)
    }
}

/// Département names in search words: "mediatheque ardeche" is "mediatheque" in 07.
struct DepartementNames {
    /// Folded name tokens → code, longest names first.
    private let names: [(tokens: [String], code: String)]

    init(_ departements: [(code: String, nom: String)]) {
        names = departements.map { (TypoTolerance.tokens($0.nom), $0.code) }.filter { !$0.0.isEmpty }
            .sorted { ($0.tokens.count, $1.code) > ($1.tokens.count, $0.code) }
    }

    /// The département that a run of consecutive words names (the longest such name), and the
    /// other words; nil when no run of words is a département's full name.
    func find(in words: [String]) -> (code: String, otherWords: [String])? {
        let folded = words.flatMap(TypoTolerance.tokens)
        for (tokens, code) in names where tokens.count <= folded.count {
            for start in 0...(folded.count - tokens.count) where Array(folded[start..<start + tokens.count]) == tokens {
                return (code, Array(folded[..<start] + folded[(start + tokens.count)...]))
            }
        }
        return nil
    }
}
