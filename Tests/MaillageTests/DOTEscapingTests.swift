import Foundation
import Testing
@testable import Maillage

/// Names go into DOT quoted strings, HTML-like labels and (through Graphviz) SVG: none of them
/// may break out. The rendered side is checked in MaillageCLITests (RenderTests).
@Suite struct DOTEscapingTests {
    static let nasty = [
        "Le \"Relais\" numérique", #"C:\chemin\N\l\G"#, "<b>gras</b> & <i>co</i>", "Ligne 1\nLigne 2\r\nLigne 3",
        "Espace 🖥️ numérique 👩🏽‍💻", String(repeating: "Très long nom de médiathèque ", count: 18), "]; \"x\" -> \"y\" [color=red",
        "</B></TD></TR></TABLE>><script>alert(1)</script>", "tab\there\u{0007}bell",
    ]

    /// Reads a DOT quoted string back, as Graphviz's scanner does.
    static func unquote(_ quoted: String) -> String? {
        guard quoted.hasPrefix("\""), quoted.hasSuffix("\""), quoted.count >= 2 else { return nil }
        var result = "", escaped = false
        for character in quoted.dropFirst().dropLast() {
            if escaped {
                result += character == "n" ? "\n" : String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                return nil   // an unescaped quote would end the string early
            } else {
                result.append(character)
            }
        }
        return escaped ? nil : result
    }

    @Test(arguments: nasty)
    func quotedStringsCannotEndEarlyAndReadBackAsWritten(name: String) throws {
        let quoted = DOTText.quoted(name)
        let back = try #require(Self.unquote(quoted), "\(quoted)")
        let expected = String(String.UnicodeScalarView(name.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar == "\r" || scalar == "\t" { return " " }
            return scalar.properties.generalCategory == .control && scalar != "\n" ? nil : scalar
        }))
        #expect(back == expected)
        #expect(!quoted.contains("\n"))
    }

    @Test(arguments: nasty)
    func htmlTextHasNoMarkupLeft(name: String) {
        let html = DOTText.html(name).replacingOccurrences(of: "<BR/>", with: "")
        #expect(!html.contains("<") && !html.contains(">") && !html.contains("\""))
        // Every & starts an entity.
        let ampersands = html.components(separatedBy: "&").dropFirst()
        #expect(ampersands.allSatisfy { $0.hasPrefix("amp;") || $0.hasPrefix("lt;") || $0.hasPrefix("gt;") || $0.hasPrefix("quot;") || $0.hasPrefix("#39;") })
    }

    @Test func shownTextKeepsNoBackslashForGraphvizToExpand() {
        #expect(DOTText.shown(#"C:\N\l"#) == "\"C:∖N∖l\"")
        #expect(DOTText.html(#"a\G"#) == "a∖G")
        // Ids stay exact: edges must name them as written.
        #expect(DOTText.quoted(#"id\1"#) == #""id\\1""#)
    }

    @Test func longNamesAreShortenedByCharactersNotBytes() {
        let long = String(repeating: "é👩🏽‍💻", count: 300)
        let short = DOTText.shortened(long, to: 48)
        #expect(short.count == 48 && short.hasSuffix("…"))
        #expect(DOTText.shortened("Ligne 1\nLigne 2") == "Ligne 1 Ligne 2")
    }

    /// A place and an intermediary with every nasty name, drawn: each name appears only escaped.
    @Test func diagramsOfNastyNamesStayWellFormed() throws {
        let store = try Fixtures.storeWithCommunes()
        let rows = Self.nasty.enumerated().map { index, name in Fixtures.lieu("L\(index)", [.nom: name]) }
        _ = try store.importData(.lieux, name: "l.csv", data: Fixtures.lieux(rows))
        var writer = CSVWriter()
        writer.writeRow(["id", "nom", "type", "place_id", "headcount", "services"])
        for (index, name) in Self.nasty.enumerated() { writer.writeRow(["I\(index)", name, "ecrivain-public", "L\(index)", "1", "CAF"]) }
        _ = try store.importData(.intermediaries, name: "i.csv", data: Data(writer.text.utf8))
        var request = DiagramRequest(kind: .territory)
        request.scope = "07186"
        let dot = try store.diagram(request)
        #expect(dot.subgraphs.flatMap(\.nodes).filter { $0.id.hasPrefix("L") || $0.id.hasPrefix("I") }.count == 2 * Self.nasty.count)
        for node in dot.subgraphs.flatMap(\.nodes) {
            for (key, value) in node.attributes {
                switch value {
                case .text(let text): #expect(Self.unquote(DOTText.quoted(text)) != nil, "\(key)")
                case .html(let markup): #expect(!markup.contains("<script") && !markup.contains("\n"), "\(key)")
                case .raw(let token): #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." }, "\(key): \(token)")
                }
            }
        }
        // Each statement is one line: no name carried a raw line break into the text.
        let lines = dot.text.split(separator: "\n")
        #expect(lines.count == 1 + 3 + dot.subgraphs.count * 3 + dot.subgraphs.flatMap(\.nodes).count + dot.nodes.count + dot.edges.count + 1
                                - dot.subgraphs.filter { $0.attributes.isEmpty }.count)
    }
}
