/// Shares the values a snapshot reads again and again: the same "Seniors|Jeunes" or opening
/// hours on thousands of places become one `Set` or one parsed ``OpeningHours``.
struct SnapshotValues {
    private var sets: [String: Set<String>] = [:]
    private var hours: [String: OpeningHours?] = [:]

    /// The values of a `|`-separated field, as a set.
    mutating func set(_ text: String?) -> Set<String> {
        guard let text else { return [] }
        if let known = sets[text] { return known }
        let values = Set(MultiValue.split(text, separator: "|"))
        sets[text] = values
        return values
    }

    /// The opening hours of `text`, or nil when absent or unreadable.
    mutating func openingHours(_ text: String?) -> OpeningHours? {
        guard let text else { return nil }
        if let known = hours[text] { return known }
        let parsed = try? OpeningHours(parsing: text)
        hours[text] = parsed
        return parsed
    }
}
