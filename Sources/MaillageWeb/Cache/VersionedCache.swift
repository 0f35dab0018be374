import Synchronization

/// Values computed from one data version and kept until the version moves on: a new version
/// empties the cache. At most `capacity` values, the oldest dropped first; a value being computed
/// is shared by every request that asks for it meanwhile; a failure is not kept.
final class VersionedCache<Value: Sendable>: Sendable {
    let capacity: Int
    private let state = Mutex(State())

    private struct State {
        var version = -1
        var values: [String: Task<Value, any Error>] = [:]
        var order: [String] = []
    }

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value for `key` at `version`, computed by `compute` if it is not kept yet.
    func value(version: Int, key: String, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = state.withLock { state -> Task<Value, any Error> in
            if state.version != version {
                state = State()
                state.version = version
            }
            if let task = state.values[key] { return task }
            let task = Task(operation: compute)
            state.values[key] = task
            state.order.append(key)
            if state.order.count > capacity { state.values[state.order.removeFirst()] = nil }
            return task
        }
        do {
            return try await task.value
        } catch {
            state.withLock { state in
                guard state.version == version else { return }
                state.values[key] = nil
                state.order.removeAll { $0 == key }
            }
            throw error
        }
    }
}
