import Foundation

extension LocalDateTime {
    /// The moment `date` is in metropolitan France (Europe/Paris), where opening hours are written.
    public static func inFrance(_ date: Date) -> LocalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return LocalDateTime(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }

    /// "2025-03-15": the day, as `date_maj` is written.
    public var isoDate: String {
        String(description.prefix(10))
    }
}
