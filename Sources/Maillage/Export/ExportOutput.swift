import Foundation

/// Where an export writes its text, piece by piece as rows are read, so that memory stays flat
/// whatever the directory's size.
public protocol ExportOutput {
    mutating func write(_ text: String) throws
}

/// An export collected in memory (tests, small exports).
public struct ExportText: ExportOutput {
    public private(set) var text = ""

    public init() {}

    public mutating func write(_ text: String) {
        self.text += text
    }
}

/// An export written to a file or to standard output.
///
/// A file is written under a temporary name beside it and renamed when ``finish()`` is called,
/// so that a failed export never leaves a truncated file where a complete one is expected.
public struct ExportFile: ExportOutput {
    private let handle: FileHandle
    private let path: String?
    private let partialPath: String?

    /// Standard output.
    public static var standardOutput: ExportFile { ExportFile(handle: .standardOutput, path: nil, partialPath: nil) }

    private init(handle: FileHandle, path: String?, partialPath: String?) {
        self.handle = handle
        self.path = path
        self.partialPath = partialPath
    }

    /// The file at `path`, replaced when the export finishes.
    public init(path: String) throws(MaillageError) {
        let url = URL(fileURLWithPath: path)
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial").path
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw .unwritableFile(path: path, reason: "cannot create a file in \(url.deletingLastPathComponent().path); expected a folder you can write to")
        }
        self.init(handle: handle, path: path, partialPath: partial)
    }

    public mutating func write(_ text: String) throws {
        do { try handle.write(contentsOf: Data(text.utf8)) } catch {
            throw MaillageError.unwritableFile(path: path ?? "standard output", reason: (error as NSError).localizedDescription)
        }
    }

    /// Closes the file and puts it in place.
    public func finish() throws(MaillageError) {
        guard let path, let partialPath else { return }
        do { try handle.close() } catch {
            abandon()
            throw .unwritableFile(path: path, reason: (error as NSError).localizedDescription)
        }
        // rename(2) replaces the destination in one step.
        guard rename(partialPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw .unwritableFile(path: path, reason: reason)
        }
    }

    /// Closes and removes the partial file of an export that failed.
    public func abandon() {
        guard let partialPath else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partialPath)
    }
}
