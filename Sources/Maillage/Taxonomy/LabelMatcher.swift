import Foundation

/// Finds the canonical label for a value read from a file, the way a patient human would:
/// ignoring case, accents, apostrophe styles and spacing, accepting known aliases, and
/// recognising near-misses ("Illetrisme" for "Illettrisme") as corrections to report.
package struct LabelMatcher: Sendable {
    /// How a raw value relates to the canonical labels.
    package enum Match: Equatable, Sendable {
        /// The value is a label or one of its aliases.
        case exact(String)
        /// The value is close to a label and was read as it: worth a warning.
        case corrected(String)
        case unknown
    }

    private let labelsByKey: [String: String]
    /// The canonical labels, in the order given.
    package let labels: [String]

    /// - Parameter entries: each canonical label with its aliases.
    package init(_ entries: [(label: String, aliases: [String])]) {
        var byKey: [String: String] = [:]
        for entry in entries {
            for alias in entry.aliases { byKey[Self.key(alias)] = entry.label }
        }
        for entry in entries { byKey[Self.key(entry.label)] = entry.label }
        labelsByKey = byKey
        labels = entries.map(\.label)
    }

    /// The canonical label for `raw`.
    package func match(_ raw: String) -> Match {
        let key = Self.key(raw)
        if let label = labelsByKey[key] { return .exact(label) }
        // v0.1 style "Label : explanation".
        if let colon = raw.range(of: " : "), let label = labelsByKey[Self.key(String(raw[..<colon.lowerBound]))] {
            return .corrected(label)
        }
        let threshold = key.count >= 8 ? 2 : (key.count >= 5 ? 1 : 0)
        guard threshold > 0 else { return .unknown }
        var best: (label: String, distance: Int)?
        for (candidate, label) in labelsByKey {
            let distance = Self.editDistance(key, candidate, limit: threshold)
            if distance <= threshold, distance < (best?.distance ?? .max) { best = (label, distance) }
        }
        return best.map { .corrected($0.label) } ?? .unknown
    }

    /// Up to `limit` labels closest to `raw`, for "did you mean" messages: labels starting with
    /// it first, then those holding each of its words, then by edit distance.
    package func closest(to raw: String, limit: Int = 3) -> [String] {
        let key = Self.key(raw)
        let words = key.split(separator: " ")
        func rank(_ label: String) -> (Int, Int, String) {
            let candidate = Self.key(label)
            let candidateWords = candidate.split(separator: " ")
            let missing = words.filter { word in !candidateWords.contains { $0.hasPrefix(word) } }.count
            let tier = candidate.hasPrefix(key) ? 0 : 1 + missing
            return (tier, Self.editDistance(key, candidate, limit: .max), label)
        }
        return labels.map { ($0, rank($0)) }.sorted { $0.1 < $1.1 }.prefix(limit).map(\.0)
    }

    /// The comparison key: lower case, no diacritics, straight apostrophes, single spaces.
    package static func key(_ text: String) -> String {
        TextKey.fold(text)
    }

    /// Levenshtein distance, stopping early once it exceeds `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
