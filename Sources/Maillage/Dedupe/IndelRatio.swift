/// The similarity of two texts from 0 to 100: `100 × (1 − indel distance ÷ (length₁ + length₂))`,
/// where the indel distance counts the insertions and deletions (no substitutions) that turn one
/// into the other. It is `rapidfuzz.fuzz.ratio`, the measure the national cartography's
/// deduplication uses; two empty texts are identical (100).
enum IndelRatio {
    static func of(_ first: String, _ second: String) -> Double {
        of(Array(first.utf8), Array(second.utf8))
    }

    /// The ratio of two texts given as bytes (folded texts are ASCII, one byte per character).
    static func of(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let total = a.count + b.count
        guard total > 0 else { return 100 }
        let distance = total - 2 * longestCommonSubsequence(a, b)
        return 100 * (1 - Double(distance) / Double(total))
    }

    /// The length of the longest common subsequence, by dynamic programming over one row.
    ///
    /// - Complexity: O(m × n) time, O(n) memory; names and streets are short.
    static func longestCommonSubsequence(_ a: [UInt8], _ b: [UInt8]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for j in 0..<b.count {
                let above = row[j + 1]
                row[j + 1] = x == b[j] ? diagonal + 1 : max(above, row[j])
                diagonal = above
            }
        }
        return row[b.count]
    }
}
