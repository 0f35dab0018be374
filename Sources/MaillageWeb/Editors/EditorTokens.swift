import Foundation

/// The editors' tokens, read from the file `maillage serve --admin-token-file` names: one token per
/// line, or `name:token` so that the journal says who; blank lines and lines starting with `#` are
/// skipped. A token is compared in constant time and never logged.
public struct EditorTokens: Sendable {
    struct Entry: Sendable {
        var name: String
        var token: [UInt8]
    }

    /// The shortest token accepted: shorter ones can be guessed.
    public static let minimumLength = 16

    let entries: [Entry]

    /// Reads the file at `path`; an unreadable file, a short or repeated token, or a file without
    /// any token is an error naming the line.
    public init(contentsOf path: String) throws(EditorTokensError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        try self.init(text: String(decoding: data, as: UTF8.self), path: path)
    }

    init(text: String, path: String) throws(EditorTokensError) {
        var entries: [Entry] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let number = index + 1
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let (name, token) = parts.count == 2 ? (parts[0], parts[1]) : ("éditeur ligne \(number)", parts[0])
            guard !name.isEmpty else { throw .emptyName(path: path, line: number) }
            guard token.count >= Self.minimumLength else { throw .shortToken(path: path, line: number, length: token.count) }
            if entries.contains(where: { $0.token == Array(token.utf8) }) { throw .repeatedToken(path: path, line: number) }
            entries.append(Entry(name: name, token: Array(token.utf8)))
        }
        guard !entries.isEmpty else { throw .noToken(path: path) }
        self.entries = entries
    }

    /// The name of the editor whose token this is, or nil. Every token is compared whole, in time
    /// that depends on their lengths only, whatever matches.
    public func editor(presenting token: String) -> String? {
        let presented = Array(token.utf8)
        var found: String?
        for entry in entries where Self.constantTimeEqual(entry.token, presented) && found == nil { found = entry.name }
        return found
    }

    /// Whether two byte strings are equal, looking at every byte of the longer one.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}

/// Why a token file cannot be used.
public enum EditorTokensError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case noToken(path: String)
    case emptyName(path: String, line: Int)
    case shortToken(path: String, line: Int, length: Int)
    case repeatedToken(path: String, line: Int)

    public var description: String {
        switch self {
        case .unreadable(let path): "Cannot read the token file \(path): check that it exists and that you may read it."
        case .noToken(let path): "\(path) holds no token: write one per line, or name:token so that the journal says who edited."
        case .emptyName(let path, let line): "\(path), line \(line): the name before ':' is empty; write name:token, or the token alone."
        case .shortToken(let path, let line, let length):
            "\(path), line \(line): the token has \(length) characters; use at least \(EditorTokens.minimumLength) (e.g. the output of `openssl rand -hex 24`)."
        case .repeatedToken(let path, let line): "\(path), line \(line): this token is already on an earlier line; give each editor their own."
        }
    }
}
