import Foundation
import Synchronization

/// Who may edit, and the browsers signed in: an editor presents a token as `Authorization: Bearer …`
/// on the API, or signs in once on `/connexion` and gets a session cookie. Without tokens the server
/// is read-only.
final class EditorSessions: Sendable {
    /// A signed-in browser: who, the token its forms must carry (CSRF), and until when.
    struct Session: Sendable {
        var editor: String
        var csrf: String
        var expires: Date
    }

    static let cookie = "maillage_session"
    /// How long a sign-in lasts.
    static let lifetime: TimeInterval = 12 * 3600

    let tokens: EditorTokens?
    private let sessions = Mutex<[String: Session]>([:])

    init(tokens: EditorTokens?) {
        self.tokens = tokens
    }

    /// Whether anyone may edit at all.
    var editingEnabled: Bool { tokens != nil }

    /// A new session for the editor whose token this is; nil when no editor has it.
    func signIn(token: String, now: Date = Date()) -> (id: String, session: Session)? {
        guard let editor = tokens?.editor(presenting: token) else { return nil }
        let id = Self.randomToken(), session = Session(editor: editor, csrf: Self.randomToken(), expires: now + Self.lifetime)
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value.expires > now }
            sessions[id] = session
        }
        return (id, session)
    }

    /// The live session with this id.
    func session(_ id: String, now: Date = Date()) -> Session? {
        sessions.withLock { sessions in
            guard let session = sessions[id], session.expires > now else { sessions[id] = nil; return nil }
            return session
        }
    }

    func signOut(_ id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    /// 32 random bytes as hex: session ids and CSRF tokens.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
