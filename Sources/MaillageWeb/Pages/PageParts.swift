import Maillage

/// Pieces several pages share.
enum PageParts {
    /// A filter summary in French: "public : Seniors · gratuit · ouvert le 2025-03-15T10:30".
    static func filters(_ filters: AppliedFilters) -> String {
        var parts: [String] = []
        if let within = filters.within { parts.append("dans " + within) }
        if !filters.publics.isEmpty { parts.append("public : " + filters.publics.joined(separator: ", ")) }
        if !filters.priseEnCharge.isEmpty { parts.append("prise en charge : " + filters.priseEnCharge.joined(separator: ", ")) }
        if filters.free { parts.append("gratuit") }
        if !filters.modalites.isEmpty { parts.append("modalité : " + filters.modalites.joined(separator: ", ")) }
        if !filters.labels.isEmpty { parts.append("label : " + filters.labels.joined(separator: ", ")) }
        if let openAt = filters.openAt {
            var part = "ouvert le \(openAt.replacingOccurrences(of: "T", with: " à "))"
            if let leftOut = filters.unknownHoursLeftOut, leftOut > 0 {
                part += " (\(leftOut) relais aux horaires inconnus écarté\(leftOut == 1 ? "" : "s"))"
            }
            parts.append(part)
        }
        return parts.joined(separator: " · ")
    }

    /// Links to download the same answer in other forms.
    static func downloads(_ links: [(label: String, href: String)]) -> HTML {
        tag("ul", ["class": "downloads", "aria-label": "Télécharger"]) {
            for item in links { tag("li") { tag("a", ["href": item.href]) { item.label } } }
        }
    }

    /// A table with a caption, header cells and rows of cells; numeric columns aligned right.
    static func table(caption: String, headers: [String], numeric: Set<Int> = [], rows: [[HTML]]) -> HTML {
        tag("div", ["class": "table-wrap"]) {
            tag("table") {
                tag("caption") { caption }
                tag("thead") {
                    tag("tr") {
                        for (index, header) in headers.enumerated() {
                            tag("th", ["scope": "col", "class": numeric.contains(index) ? "number" : nil]) { header }
                        }
                    }
                }
                tag("tbody") {
                    for row in rows {
                        tag("tr") {
                            for (index, cell) in row.enumerated() { tag("td", ["class": numeric.contains(index) ? "number" : nil]) { cell } }
                        }
                    }
                }
            }
        }
    }

    /// An inline diagram in a figure, with its caption and download links.
    /// Why a form was refused, announced to screen readers; nothing without a message.
    static func alert(_ message: String?) -> HTML {
        guard let message else { return HTML() }
        return tag("p", ["class": "error", "role": "alert"]) { message }
    }

    static func diagram(_ svg: String?, caption: String, failure: String?, downloads links: [(label: String, href: String)]) -> HTML {
        tag("figure", ["class": "diagram"]) {
            if let svg { HTML.trusted(svg) } else { tag("p", ["class": "notice"]) { failure ?? "Schéma indisponible." } }
            tag("figcaption") {
                caption
                downloads(links)
            }
        }
    }

    /// A link to a place's or intermediary's page.
    static func profileLink(_ id: String, name: String) -> HTML {
        tag("a", ["href": "/lieux/" + encode(id)]) { name }
    }
}
