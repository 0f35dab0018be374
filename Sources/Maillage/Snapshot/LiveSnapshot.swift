import Dispatch
import Synchronization

/// The snapshot a long-running process answers from, kept up to date with the store: when an
/// import or an edit moves the data version on, ``refresh()`` reads the next snapshot away from
/// the callers' threads and swaps it in at once. A caller holds on to the ``current`` snapshot it
/// took for as long as it needs it: a swap never changes an answer being computed.
public final class LiveSnapshot: Sendable {
    private let store: Store
    private let state: Mutex<State>

    private struct State {
        var current: Snapshot
        /// A read of the next snapshot is under way: a second refresh waits for it rather than reading again.
        var refreshing = false
    }

    /// Reads the first snapshot now.
    public init(store: Store) throws {
        self.store = store
        state = Mutex(State(current: try store.snapshot()))
    }

    /// The latest snapshot read.
    public var current: Snapshot { state.withLock { $0.current } }

    /// Reads a new snapshot if the data version moved on since the current one was read, and swaps
    /// it in; returns whether it did. Only one read at a time: a call made while another reads returns false.
    @discardableResult
    public func refresh() async throws -> Bool {
        let shown = state.withLock { state -> Int? in
            guard !state.refreshing else { return nil }
            state.refreshing = true
            return state.current.dataVersion
        }
        guard let shown else { return false }
        defer { state.withLock { $0.refreshing = false } }
        let store = store
        let next: Snapshot? = try await Self.offThread {
            try store.dataVersion() == shown ? nil : try store.snapshot()
        }
        guard let next else { return false }
        state.withLock { $0.current = next }
        return true
    }

    /// Checks the data version every `interval` until the task is cancelled, refreshing when it moved;
    /// a failed read (the file busy or replaced) is reported to `onError` and tried again next time.
    public func keepCurrent(every interval: Duration, onError: @Sendable (any Error) -> Void = { _ in }) async {
        while !Task.isCancelled {
            do { try await refresh() } catch { onError(error) }
            try? await Task.sleep(for: interval)
        }
    }

    /// Runs `work` on a dispatch queue, so that a read of a few hundred milliseconds does not hold
    /// one of the few threads Swift concurrency serves requests with.
    private static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(with: Result { try work() }) }
        }
    }
}
