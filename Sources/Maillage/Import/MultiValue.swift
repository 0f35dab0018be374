/// Splitting and matching multi-valued fields (`|` in v1, `;` in v0.1), accepting the `,` that
/// real producers put where the schema says `|`.
package enum MultiValue {
    /// The result of reading a multi-valued field against a list of labels.
    package struct Reading: Sendable, Equatable {
        /// Canonical labels, in the order read, without duplicates.
        package var labels: [String] = []
        /// Values matching no label.
        package var unknown: [String] = []
        /// Values read as a close label: (as written, read as).
        package var corrected: [(String, String)] = []
        /// Whether `,` had to be taken as the separator.
        package var commaSeparated = false

        package static func == (a: Reading, b: Reading) -> Bool {
            a.labels == b.labels && a.unknown == b.unknown && a.commaSeparated == b.commaSeparated
                && a.corrected.map { [$0.0, $0.1] } == b.corrected.map { [$0.0, $0.1] }
        }
    }

    /// Splits `raw` on `separator`, trimming and dropping empty parts.
    package static func split(_ raw: String, separator: Character) -> [String] {
        raw.split(separator: separator).map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// Reads `raw` with `match`, which maps a value to its label (and whether it was corrected).
    package static func read(_ raw: String, separator: Character, match: (String) -> (label: String, corrected: Bool)?) -> Reading {
        var parts = split(raw, separator: separator)
        var reading = Reading()
        // "A, B" where A and B are labels but "A, B" is not: the producer used `,` as separator.
        if separator != ",", parts.count == 1, parts[0].contains(","), match(parts[0]) == nil {
            let commaParts = split(parts[0], separator: ",")
            if commaParts.allSatisfy({ match($0) != nil }) {
                parts = commaParts
                reading.commaSeparated = true
            }
        }
        for part in parts {
            guard let found = match(part) else { reading.unknown.append(part); continue }
            if found.corrected { reading.corrected.append((part, found.label)) }
            if !reading.labels.contains(found.label) { reading.labels.append(found.label) }
        }
        return reading
    }

    /// A matcher closure over a ``LabelMatcher``.
    package static func matching(_ matcher: LabelMatcher) -> (String) -> (label: String, corrected: Bool)? {
        { raw in
            switch matcher.match(raw) {
            case .exact(let label): (label, false)
            case .corrected(let label): (label, true)
            case .unknown: nil
            }
        }
    }
}
