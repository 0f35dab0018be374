/// Fast text normalisation for comparing labels and names, without Foundation's Unicode machinery
/// (which dominated import time on the national files).
package enum TextKey {
    /// Lower case, without the diacritics of French and neighbouring languages, straight
    /// apostrophes, runs of white space folded to one space, no leading or trailing space.
    package static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ byte: UInt8) {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !out.isEmpty
                return
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { append(byte) }
        } else {
            for scalar in text.unicodeScalars {
                if scalar.isASCII {
                    append(UInt8(scalar.value))
                } else if let folded = latin[scalar] {
                    for byte in folded.utf8 { append(byte) }
                } else {
                    for byte in scalar.properties.lowercaseMapping.utf8 { append(byte) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
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
        var table: [Unicode.Scalar: String] = ["Æ": "ae", "æ": "ae", "Œ": "oe", "œ": "oe", "ß": "ss", "\u{A0}": " ", "\u{202F}": " "]
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
