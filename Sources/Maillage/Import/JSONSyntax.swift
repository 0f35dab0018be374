/// Finds where a JSON text first goes wrong, and says it the way a user can act on: where (line,
/// column, byte), what was found, what was expected, and whether the text is merely cut short.
///
/// Foundation's decoder only says "The given data was not valid JSON": this is run after it fails.
enum JSONSyntax {
    struct Problem: Equatable {
        /// 1-based position of the offending byte (one past the end when the text is cut short).
        var offset: Int
        var line: Int
        var column: Int
        /// Whether the text ends before the JSON value does (a truncated file).
        var cutShort: Bool
        var found: String
        var expected: String
        /// "an object", "an array", "a string", or "the top level".
        var inside: String

        /// A sentence for the user.
        var reason: String {
            let place = "line \(line), column \(column) (byte \(offset))"
            if cutShort {
                return "the JSON is cut short: it ends at \(place), inside \(inside), where \(expected) was expected; the file seems truncated: download or export it again"
            }
            return "the JSON is malformed at \(place), inside \(inside): found \(found) where \(expected) was expected; correct the file there (or export it again)"
        }
    }

    /// The first problem of `bytes`, or nil when they are valid JSON.
    ///
    /// - Complexity: O(n).
    static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var scanner = Scanner(bytes: bytes)
        do throws(Problem) {
            scanner.skipSpace()
            if scanner.index == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3; scanner.skipSpace() }
            try scanner.value(inside: "the top level", depth: 0)
            scanner.skipSpace()
            if scanner.index < bytes.count { throw scanner.problem(expected: "nothing more (the JSON value has ended)", inside: "the top level") }
            return nil
        } catch {
            return error
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        func problem(expected: String, inside: String) -> Problem {
            var line = 1, lineStart = 0
            for position in 0..<min(index, bytes.count) where bytes[position] == 0x0A { line += 1; lineStart = position + 1 }
            let column = bytes[lineStart..<min(index, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
            let found: String
            if index >= bytes.count {
                found = "the end of the file"
            } else if bytes[index] >= 0x20, bytes[index] < 0x7F {
                found = "'\(Character(UnicodeScalar(bytes[index])))'"
            } else {
                found = "the byte 0x" + String(bytes[index], radix: 16, uppercase: true)
            }
            return Problem(offset: index + 1, line: line, column: column, cutShort: index >= bytes.count,
                           found: found, expected: expected, inside: inside)
        }

        mutating func expect(_ byte: UInt8, _ expected: String, inside: String) throws(Problem) {
            guard index < bytes.count, bytes[index] == byte else { throw problem(expected: expected, inside: inside) }
            index += 1
        }

        mutating func value(inside: String, depth: Int) throws(Problem) {
            guard depth < 512 else { throw problem(expected: "at most 512 levels of nesting", inside: inside) }
            guard index < bytes.count else { throw problem(expected: "a value", inside: inside) }
            switch bytes[index] {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number(inside: inside)
            case UInt8(ascii: "t"): try literal("true", inside: inside)
            case UInt8(ascii: "f"): try literal("false", inside: inside)
            case UInt8(ascii: "n"): try literal("null", inside: inside)
            default: throw problem(expected: "a value (an object, array, string, number, true, false or null)", inside: inside)
            }
        }

        mutating func object(depth: Int) throws(Problem) {
            let inside = "an object"
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return }
            while true {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw problem(expected: "a field name in double quotes", inside: inside)
                }
                try string()
                skipSpace()
                try expect(UInt8(ascii: ":"), "':' after the field name", inside: inside)
                skipSpace()
                try value(inside: inside, depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw problem(expected: "',' or '}'", inside: inside) }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return }
                try expect(UInt8(ascii: ","), "',' or '}'", inside: inside)
                skipSpace()
            }
        }

        mutating func array(depth: Int) throws(Problem) {
            let inside = "an array"
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
            while true {
                try value(inside: inside, depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw problem(expected: "',' or ']'", inside: inside) }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return }
                try expect(UInt8(ascii: ","), "',' or ']'", inside: inside)
                skipSpace()
            }
        }

        mutating func string() throws(Problem) {
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { index += 1; return }
                if byte < 0x20 { throw problem(expected: "a closing '\"' (a line break inside a string must be written \\n)", inside: "a string") }
                if byte == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { break }
                    guard "\"\\/bfnrtu".utf8.contains(bytes[index]) else { throw problem(expected: "an escape (\\\", \\\\, \\n, \\uXXXX…)", inside: "a string") }
                }
                index += 1
            }
            throw problem(expected: "a closing '\"'", inside: "a string")
        }

        mutating func number(inside: String) throws(Problem) {
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
            guard index < bytes.count, digits.contains(bytes[index]) else { throw problem(expected: "a digit", inside: inside) }
            while index < bytes.count, digits.contains(bytes[index]) { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, digits.contains(bytes[index]) else { throw problem(expected: "a digit after '.'", inside: inside) }
                while index < bytes.count, digits.contains(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, digits.contains(bytes[index]) else { throw problem(expected: "a digit in the exponent", inside: inside) }
                while index < bytes.count, digits.contains(bytes[index]) { index += 1 }
            }
        }

        mutating func literal(_ word: String, inside: String) throws(Problem) {
            for byte in word.utf8 {
                guard index < bytes.count, bytes[index] == byte else { throw problem(expected: "'\(word)'", inside: inside) }
                index += 1
            }
        }
    }
}

extension JSONSyntax.Problem: Error {}
