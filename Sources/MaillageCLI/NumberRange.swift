import ArgumentParser

/// The range check of a whole-number option, worded the same by every command.
enum NumberRange {
    /// Refuses `value` below `minimum`: "--limit must be zero or more; got -1." (or "at least 1").
    static func check(_ value: Int, atLeast minimum: Int, option: String) throws {
        guard value < minimum else { return }
        throw ValidationError("\(option) must be \(minimum == 0 ? "zero or more" : "at least \(minimum)"); got \(value).")
    }
}
