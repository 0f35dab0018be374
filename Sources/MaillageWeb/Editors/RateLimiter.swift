import Foundation
import Synchronization

/// At most `limit` actions per client address within `window`: reports from one address beyond
/// that are refused (429) until the oldest leaves the window.
final class RateLimiter: Sendable {
    let limit: Int
    let window: TimeInterval
    private let recent = Mutex<[String: [Date]]>([:])

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts one action from `address` if it is allowed now; false when over the limit.
    func allow(_ address: String, now: Date = Date()) -> Bool {
        recent.withLock { recent in
            if recent.count > 10_000 { recent = recent.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
            let kept = (recent[address] ?? []).filter { now.timeIntervalSince($0) < window }
            guard kept.count < limit else { recent[address] = kept; return false }
            recent[address] = kept + [now]
            return true
        }
    }
}
