/// A fragment of HTML built from typed parts, never from strings of markup: text is escaped as it
/// goes in, attribute values are quoted and escaped, element names are our own literals. Only
/// ``HTML/trusted(_:)`` passes markup through, for the SVG Graphviz writes (which escapes the
/// labels itself) and the page's fixed skeleton.
struct HTML: Sendable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    private(set) var markup = ""

    init() {}

    /// Text, escaped.
    init(_ text: String) { markup = HTML.escape(text) }

    init(stringLiteral text: String) { self.init(text) }

    init(stringInterpolation: DefaultStringInterpolation) { self.init(stringInterpolation.description) }

    /// Markup that needs no escaping because it comes from us or from Graphviz, never from the request or the data.
    static func trusted(_ markup: String) -> HTML {
        var html = HTML()
        html.markup = markup
        return html
    }

    /// `<name attributes>children</name>`; attributes whose value is nil are left out, those whose value is
    /// empty are written bare (`<input required>`). Void elements (`input`, `meta`…) take no children.
    static func element(_ name: String, _ attributes: [(String, String?)] = [], _ children: [HTML] = []) -> HTML {
        var markup = "<" + name
        for (attribute, value) in attributes {
            guard let value else { continue }
            markup += value.isEmpty && booleanAttributes.contains(attribute) ? " \(attribute)" : " \(attribute)=\"\(escape(value))\""
        }
        markup += ">"
        if voidElements.contains(name) { return .trusted(markup) }
        for child in children { markup += child.markup }
        return .trusted(markup + "</\(name)>")
    }

    static func + (lhs: HTML, rhs: HTML) -> HTML { .trusted(lhs.markup + rhs.markup) }

    static func += (lhs: inout HTML, rhs: HTML) { lhs.markup += rhs.markup }

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    private static let voidElements: Set<String> = ["meta", "link", "input", "br", "img", "hr"]
    private static let booleanAttributes: Set<String> = ["required", "checked", "selected", "hidden", "disabled", "open"]
}

/// Builds a list of fragments from statements: strings become escaped text, `if`, `for` and optionals work.
@resultBuilder
enum HTMLBuilder {
    static func buildExpression(_ html: HTML) -> [HTML] { [html] }
    static func buildExpression(_ text: String) -> [HTML] { [HTML(text)] }
    static func buildExpression(_ list: [HTML]) -> [HTML] { list }
    static func buildBlock(_ parts: [HTML]...) -> [HTML] { parts.flatMap { $0 } }
    static func buildOptional(_ part: [HTML]?) -> [HTML] { part ?? [] }
    static func buildEither(first: [HTML]) -> [HTML] { first }
    static func buildEither(second: [HTML]) -> [HTML] { second }
    static func buildArray(_ parts: [[HTML]]) -> [HTML] { parts.flatMap { $0 } }
}

/// An element with attributes given as pairs and children from a builder: `tag("p", ["class": "note"]) { "Texte" }`.
func tag(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], @HTMLBuilder _ children: () -> [HTML] = { [] }) -> HTML {
    HTML.element(name, attributes.map { ($0.key, $0.value) }, children())
}

/// Fragments one after the other, without an element around them.
func fragment(@HTMLBuilder _ children: () -> [HTML]) -> HTML {
    var joined = HTML()
    for child in children() { joined += child }
    return joined
}
