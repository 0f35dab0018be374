import Foundation

/// What `render` cannot draw, worded with the command's own options.
enum RenderFailure: Error, LocalizedError {
    /// The PNG would be `width` × `height` pixels, over the renderer's `limit`.
    case imageTooLarge(width: Int, height: Int, limit: Int, output: String)
    /// No territory of `kind` has `code`, given with `option` (`--departement`).
    case unknownTerritory(option: String?, kind: String, code: String)

    var errorDescription: String? {
        switch self {
        case .imageTooLarge(let width, let height, let limit, let output):
            let stem = URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent
            return "Not drawn: the PNG would be \(width) × \(height) pixels, over the limit of \(limit / 1_000_000) million pixels "
                + "(and 32,767 a side). Write SVG or PDF instead (-o \(stem).svg or -o \(stem).pdf), which zoom without loss, "
                + "or draw a smaller territory (--epci or --commune instead of --departement)."
        case .unknownTerritory(let option, let kind, let code):
            return "No \(kind) has the code '\(code)' in this directory" + (option.map { " (\($0) \(code))" } ?? "") + ". "
                + "`maillage stats` lists its départements; `maillage search` finds a commune by its name."
        }
    }
}
