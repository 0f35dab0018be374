/// Data made safe to print on a terminal: the one place the text outputs neutralise what a name,
/// an address or any other value from the data could do to the screen.
///
/// JSON and CSV outputs keep the exact value (escaped by their own writers); only text meant for a
/// terminal goes through here.
enum TerminalText {
    /// `text` with every control character written out visibly: line feed, carriage return and tab
    /// as `\n`, `\r`, `\t`; any other C0 control, DEL, C1 control, and the Unicode line and
    /// paragraph separators as `\u{1B}` (two hex digits at least: BEL is `\u{07}`). An ESC sequence can then neither colour, move the cursor,
    /// retitle the window nor erase the screen, and a value cannot break or overwrite a line.
    static func neutralised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": shown += #"\n"#
            case "\r": shown += #"\r"#
            case "\t": shown += #"\t"#
            case _ where isControl(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                shown += #"\u{"# + (hex.count < 2 ? "0" + hex : hex) + "}"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// C0 controls, DEL, C1 controls, and U+2028 / U+2029.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

extension DefaultStringInterpolation {
    /// Interpolates a value from the data, neutralised for a terminal: `"\(shown: place.nom)"`.
    mutating func appendInterpolation(shown value: String) {
        appendLiteral(TerminalText.neutralised(value))
    }

    /// Interpolates an optional value from the data, neutralised, or `fallback` when it is nil.
    mutating func appendInterpolation(shown value: String?, or fallback: String) {
        appendLiteral(value.map(TerminalText.neutralised) ?? fallback)
    }
}
