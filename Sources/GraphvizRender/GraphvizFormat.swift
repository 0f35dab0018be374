/// An output format of ``GraphvizRenderer``.
///
/// The raw values are Graphviz's own format names (`-T` of the `dot` program). `png` and `pdf` are
/// drawn by the cairo plugin; `svg`, `json` and `dot` by the core plugin.
public enum GraphvizFormat: String, CaseIterable, Sendable {
    /// SVG 1.1 text, starting `<?xml`.
    case svg
    /// A PNG image at 96 dpi.
    case png
    /// A PDF document.
    case pdf
    /// Graphviz's JSON: the graph with its layout attributes (`pos`, `bb`, `_draw_`…).
    case json
    /// DOT text with the layout written back as attributes (`pos`, `bb`, `width`, `height`).
    case dot

    /// The media type to serve this format with over HTTP.
    public var mediaType: String {
        switch self {
        case .svg: "image/svg+xml"
        case .png: "image/png"
        case .pdf: "application/pdf"
        case .json: "application/json"
        case .dot: "text/vnd.graphviz"
        }
    }

    /// Image pixels per point (a point is 1/72 inch) for a raster format (png, at 96 dpi); nil for
    /// the vector and text formats, which have no pixel size.
    public var pixelsPerPoint: Double? {
        self == .png ? 96.0 / 72.0 : nil
    }

    /// Whether the output is UTF-8 text rather than binary data.
    public var isText: Bool {
        self != .png && self != .pdf
    }
}
