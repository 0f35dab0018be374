/// A lexical unit of an `opening_hours` value and the character offset where it starts.
///
/// The lexer skips white space (non-breaking spaces included), lower-cases words, reads every
/// dash (-, –, —) as `-` and curly quotes as straight ones, so the parser sees one spelling.
struct OpeningHoursToken: Equatable {
    enum Kind: Equatable {
        case word(String)       // lower-cased run of letters
        case number(Int, digits: Int)
        case symbol(Character)  // - , ; : / [ ] + and "|" for "||"
        case comment(String)
        case end
    }
    var kind: Kind
    var position: Int
}

extension OpeningHoursToken {
    /// Splits `text` into tokens, skipping white space; the last token is always `.end`.
    static func tokens(of text: String) throws(OpeningHoursError) -> [OpeningHoursToken] {
        let characters = Array(text)
        var tokens: [OpeningHoursToken] = []
        var i = 0
        func fail(_ expected: String) -> OpeningHoursError {
            OpeningHoursError(text: text, position: i, expected: expected)
        }
        while i < characters.count {
            let c = characters[i]
            let start = i
            if c.isWhitespace {
                i += 1
            } else if c.isASCII, let digit = c.wholeNumberValue {
                var value = digit
                i += 1
                while i < characters.count, characters[i].isASCII, let next = characters[i].wholeNumberValue {
                    guard i - start < 4 else {
                        throw OpeningHoursError(text: text, position: start, expected: "a number of at most four digits")
                    }
                    value = value * 10 + next
                    i += 1
                }
                tokens.append(OpeningHoursToken(kind: .number(value, digits: i - start), position: start))
            } else if c.isLetter {
                while i < characters.count, characters[i].isLetter { i += 1 }
                tokens.append(OpeningHoursToken(kind: .word(String(characters[start..<i]).lowercased()), position: start))
            } else if c == "\"" || c == "“" {
                let closing: Set<Character> = c == "\"" ? ["\""] : ["”", "\""]
                i += 1
                while i < characters.count, !closing.contains(characters[i]) { i += 1 }
                guard i < characters.count else {
                    i = start
                    throw fail("a closing double quote for this comment")
                }
                tokens.append(OpeningHoursToken(kind: .comment(String(characters[(start + 1)..<i])), position: start))
                i += 1
            } else if c == "|" {
                guard i + 1 < characters.count, characters[i + 1] == "|" else { throw fail("'||' between a rule and its fallback") }
                tokens.append(OpeningHoursToken(kind: .symbol("|"), position: start))
                i += 2
            } else if "-–—‐−".contains(c) {
                tokens.append(OpeningHoursToken(kind: .symbol("-"), position: start))
                i += 1
            } else if ",;:/[]+".contains(c) {
                tokens.append(OpeningHoursToken(kind: .symbol(c), position: start))
                i += 1
            } else {
                throw fail("a weekday, month, time, separator or comment in double quotes")
            }
        }
        tokens.append(OpeningHoursToken(kind: .end, position: characters.count))
        return tokens
    }
}
