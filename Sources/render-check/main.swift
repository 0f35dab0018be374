import Foundation
import GraphvizRender

// Renders a DOT file to every format (or those named after it) and prints each output's size, then
// takes the three error paths (a syntax error, a layout error, a graph over the size limit): the
// synchronous harness that `Scripts/valgrind-render` runs under valgrind, which crashes inside
// libdispatch on an async entry point.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first, let dot = try? String(contentsOfFile: path, encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: render-check FILE.dot [ENGINE] [FORMAT…]\n".utf8))
    exit(2)
}
let engine = arguments.dropFirst().first.flatMap(GraphvizEngine.init(rawValue:))
let formats = arguments.dropFirst(engine == nil ? 1 : 2).compactMap(GraphvizFormat.init(rawValue:))
var failed = false
for format in formats.isEmpty ? GraphvizFormat.allCases : formats {
    do {
        let bytes = try GraphvizRenderer.shared.render(dot, engine: engine, format: format)
        print("\(format.rawValue): \(bytes.count) bytes")
    } catch {
        print("\(format.rawValue): \(error.localizedDescription)")
        failed = true
    }
}
let errorCases: [(String, String, GraphvizEngine?, GraphvizRenderer)] = [
    ("syntax error", "digraph { a -> }", nil, .shared),
    ("layout error", "digraph { a -> b }", .pinned, .shared),
    ("too large", dot, engine, GraphvizRenderer(maxNodes: 1)),
]
for (label, text, engine, renderer) in errorCases {
    do {
        _ = try renderer.render(text, engine: engine, format: .svg)
        print("\(label): rendered, which it should not")
        failed = true
    } catch {
        print("\(label): \(error.localizedDescription.replacingOccurrences(of: "\n", with: " / "))")
    }
}
exit(failed ? 1 : 0)
