/// One day of a week as opening hours describe it: when the place is open, or that the hours
/// cannot tell ("sur rendez-vous" alone, an unknown rule).
public struct DaySchedule: Sendable, Equatable {
    /// Midnight of the day.
    public var date: LocalDateTime
    /// Opening intervals in minutes since midnight, `end` exclusive (1440 for midnight at the end of the day).
    public var intervals: [Range<Int>]
    /// Some of the day's moments cannot be decided from the hours.
    public var unknown: Bool
    /// The comments of the rules that decide the day ("sur rendez-vous").
    public var comments: [String]
}

extension OpeningHours {
    /// The week of seven days starting on `monday`, read every five minutes (opening hours are
    /// written to the quarter hour, often to five minutes, never finer in the national files).
    public func week(startingOn monday: LocalDateTime) -> [DaySchedule] {
        var days: [DaySchedule] = []
        var date = monday.date
        for _ in 0..<7 {
            var intervals: [Range<Int>] = []
            var unknown = false
            var comments: [String] = []
            var openedAt: Int?
            for minute in stride(from: 0, through: 1440, by: 5) {
                let moment = LocalDateTime(year: date.year, month: date.month, day: date.day, hour: minute / 60, minute: minute % 60)
                let state: State = minute == 1440 ? .closed : state(at: moment)
                if state == .unknown { unknown = true }
                if minute < 1440, let comment = comment(at: moment), !comments.contains(comment) { comments.append(comment) }
                switch (state, openedAt) {
                case (.open, nil): openedAt = minute
                case (.open, _?): break
                case (_, let start?): intervals.append(start..<minute); openedAt = nil
                case (_, nil): break
                }
            }
            days.append(DaySchedule(date: date, intervals: intervals, unknown: unknown, comments: comments))
            date = date.nextDay
        }
        return days
    }
}

extension LocalDateTime {
    /// Midnight of the day after.
    public var nextDay: LocalDateTime {
        if day < Self.daysInMonth(year: year, month: month) { return LocalDateTime(year: year, month: month, day: day + 1) }
        if month < 12 { return LocalDateTime(year: year, month: month + 1, day: 1) }
        return LocalDateTime(year: year + 1, month: 1, day: 1)
    }

    /// Midnight of the Monday of this moment's week.
    public var monday: LocalDateTime {
        var date = self.date
        for _ in 1..<weekday { date = date.previousDay }
        return date
    }
}
