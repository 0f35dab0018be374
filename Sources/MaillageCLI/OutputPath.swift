import Foundation

/// The file a command writes (`-o FILE`), checked before any work so that a folder, a missing
/// folder or one the user may not write is said plainly, with the path and what to do, rather
/// than with Foundation's error domain and code after the work is done.
enum OutputPath {
    struct Problem: Error, LocalizedError {
        let message: String
        var errorDescription: String? { message }
    }

    /// Throws ``Problem`` when `path` cannot be written as a file; `example` is a file name to
    /// suggest inside a folder given by mistake (`privas.svg`).
    static func check(_ path: String, example: String) throws {
        var isFolder: ObjCBool = false
        let manager = FileManager.default
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue {
                let inside = (path.hasSuffix("/") ? path : path + "/") + example
                throw Problem(message: "\(path) is a folder, not a file: name a file in it (-o \(inside)).")
            }
            if !manager.isWritableFile(atPath: path) {
                throw Problem(message: "Cannot write \(path): you may not write this file. Choose another -o, or change its permissions.")
            }
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let shownParent = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        guard manager.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw Problem(message: "Cannot write \(path): the folder \(shownParent) does not exist. Create it first (mkdir -p \(shownParent)), or write elsewhere.")
        }
        if !manager.isWritableFile(atPath: parent) {
            throw Problem(message: "Cannot write \(path): you may not write in the folder \(shownParent). Write elsewhere (-o with another folder).")
        }
    }
}
