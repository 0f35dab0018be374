import Foundation

/// A one-line progress note on standard error, shown only when it is a terminal.
struct Progress {
    private let enabled = isatty(STDERR_FILENO) != 0

    init(label: String) {
        if enabled { FileHandle.standardError.write(Data("\(label)…".utf8)) }
    }

    /// Clears the line.
    func done() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
