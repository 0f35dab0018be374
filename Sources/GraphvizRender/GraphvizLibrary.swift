internal import CGraphviz
import Foundation

/// The process's one libgvc context, and the lock that every call into libgvc and cgraph holds.
///
/// libgvc and cgraph keep process-wide state besides the context: the DOT lexer and parser, the
/// error handler, attribute defaults, layout globals (neato's `Nop`). Two contexts used from two
/// threads still corrupt each other (dot crashes, sfdp silently garbles its output), so the unit of
/// safety is the process: one lock, one context created on first use and kept until exit. On first
/// use it also installs ``GraphIdentifiers`` (the same drawing for the same text) and a cgraph error
/// callback that collects each call's messages instead of printing them on standard error.
///
/// `@unchecked Sendable`: `context` and `messages` are only read or written with `lock` held
/// (the error callback runs inside calls made with the lock held).
final class GraphvizLibrary: @unchecked Sendable {
    static let shared = GraphvizLibrary()

    private let lock = NSLock()
    /// `GVC_t *`, from `gvContext()`: it reads the plugin list that Debian's packages register
    /// (`/usr/lib/x86_64-linux-gnu/graphviz/config6a`) and loads plugins on demand.
    private var context: OpaquePointer?
    /// What Graphviz reported (errors and warnings) since the current call began.
    fileprivate var messages = ""

    private init() {}

    /// Runs `body` with the lock held, the context open, and the error report cleared.
    func withContext<T>(_ body: (OpaquePointer) throws(GraphvizError) -> T) throws(GraphvizError) -> T {
        lock.lock()
        defer { lock.unlock() }
        if context == nil {
            GraphIdentifiers.install()
            agseterrf(captureGraphvizMessage)
            context = gvContext()
        }
        guard let context else { throw .contextUnavailable }
        messages = ""
        agreseterrors()
        return try body(context)
    }

    /// Whether Graphviz reported an error (not just a warning) since the call began.
    var reportedError: Bool {
        agerrors() >= cgraphviz_error_level()
    }

    /// Graphviz's report since the call began, one line per message, without its `Error: ` prefixes
    /// nor the internal names of anonymous graphs (` in graph %3`); `fallback` when it said nothing.
    func report(or fallback: String) -> String {
        let lines = messages.split(whereSeparator: \.isNewline).map { line in
            (line.hasPrefix("Error: ") ? line.dropFirst("Error: ".count) : line[...])
                .replacing(#/ in graph %\d+/#, with: "")
        }
        return lines.isEmpty ? fallback : lines.joined(separator: "\n")
    }
}

/// The cgraph error callback (`agseterrf`): appends each piece of a message to the current report
/// instead of letting Graphviz print it on standard error.
private func captureGraphvizMessage(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
    guard let text else { return 0 }
    let piece = String(cString: text)
    GraphvizLibrary.shared.messages += piece
    return Int32(clamping: piece.utf8.count)
}
