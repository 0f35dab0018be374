import Foundation

/// Reads an input file and says plainly why it cannot be used: missing, a folder, unreadable,
/// empty, binary, or in another encoding than UTF-8.
package enum InputFile {
    /// The bytes of the file at `path`.
    package static func contents(of path: String) throws(MaillageError) -> Data {
        try checkReadable(path)
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadableFile(path: path, reason: "the system could not read it (\((error as NSError).localizedDescription)); check that it is a regular file")
        }
    }

    /// The first `count` bytes of the file at `path` (all of them when it is shorter) and its size,
    /// for a file read in pieces.
    package static func start(of path: String, count: Int = 64 * 1024) throws(MaillageError) -> (bytes: Data, fileSize: Int) {
        try checkReadable(path)
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            let bytes = try handle.read(upToCount: count) ?? Data()
            let fileSize = Int(try handle.seekToEnd())
            return (bytes, fileSize)
        } catch {
            throw .unreadableFile(path: path, reason: "the system could not read it (\((error as NSError).localizedDescription)); check that it is a regular file")
        }
    }

    /// Throws unless `path` is a file the user may read: it exists, is not a folder, and is readable.
    private static func checkReadable(_ path: String) throws(MaillageError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadableFile(path: path, reason: "there is no such file (looked for \(absolute(path))); check the path and its spelling")
        }
        if isFolder.boolValue {
            throw .unreadableFile(path: path, reason: "it is a folder, not a file; give the path of a file inside it\(folderHint(path))")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadableFile(path: path, reason: "you do not have permission to read it; check its permissions (ls -l)")
        }
    }

    /// Throws unless `data` can be text: not empty, not binary, not UTF-16.
    ///
    /// `data` may be the start of the file only (``start(of:count:)``) when `fileSize` is its whole
    /// size: a file blank through its start is then left to its reader, which finds no header.
    package static func checkText(_ data: Data, name: String, fileSize: Int? = nil) throws(MaillageError) {
        if let format = binaryFormat(data.prefix(16)) {
            throw .unreadableFile(path: name, reason: "it is \(format), not a text file; expected a UTF-8 text file (CSV, or JSON for lieux v0.1)\(format.contains("spreadsheet") ? ": save the sheet as CSV UTF-8" : "")")
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw .unreadableFile(path: name, reason: "it is UTF-16 text (it starts with a UTF-16 byte-order mark); expected UTF-8: re-save it as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)")
        }
        if let zero = data.prefix(64 * 1024).firstIndex(of: 0) {
            throw .unreadableFile(path: name, reason: "it looks binary (a zero byte at offset \(zero - data.startIndex + 1)); expected a UTF-8 text file (CSV, or JSON for lieux v0.1)")
        }
        if fileSize ?? data.count == data.count, data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) || data.elementsEqual([0xEF, 0xBB, 0xBF]) {
            throw .unreadableFile(path: name, reason: emptyReason(byteCount: data.count))
        }
    }

    /// Why an empty file cannot be imported.
    static func emptyReason(byteCount: Int) -> String {
        (byteCount == 0 ? "the file is empty (0 bytes)" : "the file holds only blank lines")
            + "; expected a header line, then one line per row: check that it was fully written or downloaded"
    }

    /// Why a file with a byte that is not UTF-8 cannot be imported, and how to convert it.
    static func notUTF8Reason(name: String, line: Int, column: Int, offset: Int, byte: UInt8?) -> String {
        let shown = byte.map { String(format: " (0x%02X", $0) + (($0 >= 0xA0) ? ", '\(Character(UnicodeScalar($0)))' in Latin-1)" : ")") } ?? ""
        return "line \(line), byte \(column) is not UTF-8\(shown), at byte \(offset) of the file; expected a UTF-8 file. "
            + "It is probably Latin-1 or Windows-1252 (as spreadsheets save it): re-save it as UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 \(name) > \(utf8Name(name))`"
    }

    /// "dir/file.csv" → "dir/file-utf8.csv".
    private static func utf8Name(_ name: String) -> String {
        let url = URL(fileURLWithPath: name)
        let renamed = url.deletingPathExtension().lastPathComponent + "-utf8" + (url.pathExtension.isEmpty ? "" : "." + url.pathExtension)
        return name.contains("/") ? (name as NSString).deletingLastPathComponent + "/" + renamed : renamed
    }

    /// The name of a well-known binary format `prefix` starts with.
    private static func binaryFormat(_ prefix: Data) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive or a spreadsheet (.xlsx, .ods)"),
            ([0xD0, 0xCF, 0x11, 0xE0], "a spreadsheet in the old Excel format (.xls)"),
            ([0x1F, 0x8B], "a gzip archive (decompress it first: gunzip)"),
            (Array("SQLite format 3".utf8), "a SQLite database"),
            (Array("%PDF".utf8), "a PDF document"),
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ]
        return signatures.first { prefix.starts(with: $0.0) }?.1
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// ": it holds a.csv, b.json…" for a folder with data files, or nothing.
    private static func folderHint(_ path: String) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter { name in [".csv", ".json", ".txt", ".tsv"].contains { name.lowercased().hasSuffix($0) } }
            .sorted()
        guard !names.isEmpty else { return "" }
        let listed = names.prefix(8).joined(separator: ", ") + (names.count > 8 ? " and \(names.count - 8) more" : "")
        return " (it holds \(listed))"
    }
}
