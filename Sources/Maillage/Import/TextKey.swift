/// Fast text normalisation for comparing labels and names, without Foundation's Unicode machinery
/// (which dominated import time on the national files).
package enum TextKey {
    /// Lower case, without the diacritics of French and neighbouring languages, straight
    /// apostrophes, runs of white space folded to one space, no leading or trailing space.
    package static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if scalar.isASCII {
                let value = scalar.value
                out.append(value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : scalar)
            } else if let folded = latin[scalar] {
                out.append(contentsOf: folded.unicodeScalars)
            } else {
                out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// The non-ASCII letters of Latin-1 and Latin Extended-A seen in French data, and typographic
    /// punctuation, mapped to lower-case ASCII.
    private static let latin: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđ", "d"), ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"),
            ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĵĵ", "j"), ("Ķķ", "k"),
            ("ĹĺĻļĽľĿŀŁł", "l"), ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠš", "s"), ("ŢţŤťŦŧ", "t"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"), ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"),
            ("ŹźŻżŽž", "z"), ("’‘ʼ´", "'"), ("‐‑‒–—", "-"), ("«»“”", "\""),
        ]
        var table: [Unicode.Scalar: String] = ["Æ": "ae", "æ": "ae", "Œ": "oe", "œ": "oe", "ß": "ss", "\u{A0}": " "]
        for (letters, base) in groups { for scalar in letters.unicodeScalars { table[scalar] = base } }
        return table
    }()
}

extension String {
    /// The string without leading and trailing white space and line breaks; itself when there is none.
    package var trimmed: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        if first < 0x80, last < 0x80, !isSpace(first), !isSpace(last) { return self }
        return String(unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }.reversed()
            .reduce(into: String.UnicodeScalarView()) { $0.append($1) })
    }
}
