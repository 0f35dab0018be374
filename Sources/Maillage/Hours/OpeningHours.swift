/// An `opening_hours` value in the OpenStreetMap syntax, parsed once and evaluated at any moment.
///
/// The supported subset is what French mediation data uses: rules separated by `;` (a later rule
/// replaces the earlier ones on the days it selects), `,` (an additional rule, which adds to them)
/// and `||` (a fallback, used only at moments no earlier rule covers); weekday ranges and lists
/// (`Mo-Fr`, `Sa-Mo`, `Mo,We`), nth weekdays (`Sa[1]`, `Su[-1]`), `PH` (`FrenchHolidays`), months and
/// dates (`Jan-Jun`, `Dec 24`, `Jul 14-Aug 15`), ISO weeks (`week 2-52/2`), times (`09:00-12:00`,
/// `22:00-02:00`, `24:00`, and the French `9h30-12h`), `24/7`, `open`, `off`, `closed`, `unknown`
/// and comments in double quotes.
///
/// Two readings are worth knowing:
/// - A rule of times only, with a comment (`Mo-Fr 09:00-12:00 "sur RDV"`), is open during those
///   times; a rule that is nothing but a comment (`"sur rendez-vous"`) leaves the state unknown.
///   (opening_hours.js reads both as unknown; data producers mean the first as opening times.)
/// - A session that runs past midnight belongs to the day it starts: a later rule that closes the
///   next day as a whole (`Sa 22:00-02:00; Su off`) does not cut it short, a rule with times does.
public struct OpeningHours: Sendable, Equatable {
    /// The value as given.
    public let text: String
    /// The rules, split into fallback groups: the first group, then each group after a `||`.
    let groups: [[OpeningHoursRule]]

    /// Parses `text`, throwing where the first thing outside the supported syntax starts.
    public init(parsing text: String) throws(OpeningHoursError) {
        var parser = try OpeningHoursParser(text)
        let rules = try parser.parse()
        var groups: [[OpeningHoursRule]] = []
        for rule in rules {
            if rule.separator == .fallback || groups.isEmpty { groups.append([]) }
            groups[groups.count - 1].append(rule)
        }
        self.text = text
        self.groups = groups
    }

    /// What a rule says about a moment.
    public enum State: Sendable, Equatable {
        case open, closed, unknown
    }

    /// true/false when the rules decide; nil when they cannot (only a comment, "unknown" state, etc.).
    public func isOpen(at moment: LocalDateTime) -> Bool? {
        switch state(at: moment) {
        case .open: true
        case .closed: false
        case .unknown: nil
        }
    }

    /// The state at `moment`: closed where no rule applies, unknown for a moment that does not exist.
    public func state(at moment: LocalDateTime) -> State {
        decidingRule(at: moment)?.state ?? (moment.isValid ? .closed : .unknown)
    }

    /// The comment of the rule that decides the state at `moment`, if it has one ("sur rendez-vous").
    public func comment(at moment: LocalDateTime) -> String? {
        decidingRule(at: moment)?.comment
    }

    /// The rule whose state holds at `moment`, or nil when none covers it.
    ///
    /// - Complexity: O(r) for r rules.
    func decidingRule(at moment: LocalDateTime) -> OpeningHoursRule? {
        guard moment.isValid else { return nil }
        let today = moment.date
        let yesterday = today.previousDay
        for group in groups {
            if let rule = Self.decidingRule(in: group, today: today, yesterday: yesterday, minute: moment.minuteOfDay) {
                return rule
            }
        }
        return nil
    }

    /// The deciding rule within one fallback group.
    ///
    /// A rule acts on a day it selects unless a later `;` rule (or the group's first rule) also
    /// selects that day. Among the rules acting on today and covering the minute, the last wins;
    /// a session spilling over from yesterday wins over a day-wide rule of today, and otherwise
    /// the later of the two rules wins.
    private static func decidingRule(
        in group: [OpeningHoursRule], today: LocalDateTime, yesterday: LocalDateTime, minute: Int
    ) -> OpeningHoursRule? {
        let todaySelections = group.map { $0.days.matches(today) }
        let yesterdaySelections = group.map { $0.days.matches(yesterday) }
        let todayFrom = lastReplacing(group, todaySelections)
        let yesterdayFrom = lastReplacing(group, yesterdaySelections)
        var own: Int?
        var spill: Int?
        for (index, rule) in group.enumerated() {
            if index >= todayFrom, todaySelections[index], rule.coversOwnDay(minute) { own = index }
            if index >= yesterdayFrom, yesterdaySelections[index], rule.coversNextDay(minute) { spill = index }
        }
        switch (own, spill) {
        case let (own?, spill?):
            return group[own].spans == nil || spill > own ? group[spill] : group[own]
        case let (own?, nil):
            return group[own]
        case let (nil, spill?):
            return group[spill]
        case (nil, nil):
            return nil
        }
    }

    /// Index of the last rule that replaces earlier ones on a day (0 when none selects it).
    private static func lastReplacing(_ group: [OpeningHoursRule], _ selections: [Bool]) -> Int {
        group.indices.last { $0 == 0 || (group[$0].separator != .additional && selections[$0]) } ?? 0
    }
}

/// Where an `opening_hours` value leaves the supported syntax, and what was expected there.
public struct OpeningHoursError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The whole value.
    public var text: String
    /// 0-based character offset of the problem.
    public var position: Int
    /// What was expected there, in plain English.
    public var expected: String

    public init(text: String, position: Int, expected: String) {
        self.text = text
        self.position = position
        self.expected = expected
    }

    /// "Expected a weekday (Mo, Tu, We, Th, Fr, Sa, Su) after "Mo-" in the opening hours "Mo-Fx 09:00-12:00"."
    public var description: String {
        let characters = Array(text)
        let place = position <= 0 ? "at the start" : position >= characters.count
            ? "at the end" : "after \"\(String(characters[0..<position]))\""
        return "Expected \(expected) \(place) in the opening hours \"\(text)\"."
    }
}

// MARK: - Parsed rules

/// How a rule combines with the rules before it.
enum RuleSeparator: Sendable, Equatable {
    /// `;` (or the first rule): replaces earlier rules on the days it selects.
    case normal
    /// `,`: adds to earlier rules.
    case additional
    /// `||`: starts a group consulted only where earlier groups cover nothing.
    case fallback
}

/// One rule: the days it selects, its times on those days, and the state it gives them.
struct OpeningHoursRule: Sendable, Equatable {
    var separator = RuleSeparator.normal
    var days = DaySelector()
    /// Spans in minutes from the selected day's midnight; nil for the whole day.
    var spans: [TimeSpan]?
    var state = OpeningHours.State.open
    var comment: String?

    /// Whether the rule covers `minute` of a day it selects.
    func coversOwnDay(_ minute: Int) -> Bool {
        guard let spans else { return true }
        return spans.contains { $0.start <= minute && minute < $0.end }
    }

    /// Whether a span started on the day before reaches `minute` of this day.
    func coversNextDay(_ minute: Int) -> Bool {
        spans?.contains { $0.start <= minute + 1440 && minute + 1440 < $0.end } ?? false
    }
}

/// A time span in minutes from midnight; `end` is after `start` and at most 2880 (48:00).
struct TimeSpan: Sendable, Equatable {
    var start: Int
    var end: Int
}

/// The days a rule selects: every condition given must hold (months, weeks, weekdays or holidays).
struct DaySelector: Sendable, Equatable {
    var monthdays: [MonthdayRange] = []
    var weeks: [WeekRange] = []
    var weekdays: [WeekdayRange] = []
    var publicHolidays = false

    var isEmpty: Bool { monthdays.isEmpty && weeks.isEmpty && weekdays.isEmpty && !publicHolidays }

    func matches(_ date: LocalDateTime) -> Bool {
        if !monthdays.isEmpty, !monthdays.contains(where: { $0.contains(date) }) { return false }
        if !weeks.isEmpty, !weeks.contains(where: { $0.contains(date.isoWeek) }) { return false }
        if weekdays.isEmpty, !publicHolidays { return true }
        if publicHolidays, FrenchHolidays.isHoliday(year: date.year, month: date.month, day: date.day) { return true }
        return weekdays.contains { $0.contains(date) }
    }
}

/// Weekdays `from` through `to` (ISO numbers, wrapping past Sunday), optionally only the nth of the month.
struct WeekdayRange: Sendable, Equatable {
    var from: Int
    var to: Int
    /// 1…5 from the start of the month, -1…-5 from its end; empty for every such weekday.
    var nth: [Int] = []

    func contains(_ date: LocalDateTime) -> Bool {
        let weekday = date.weekday
        guard from <= to ? (from <= weekday && weekday <= to) : (weekday >= from || weekday <= to) else { return false }
        if nth.isEmpty { return true }
        let fromStart = (date.day - 1) / 7 + 1
        let fromEnd = -((LocalDateTime.daysInMonth(year: date.year, month: date.month) - date.day) / 7 + 1)
        return nth.contains(fromStart) || nth.contains(fromEnd)
    }
}

/// Dates `from` through `to`, each written month × 100 + day (a whole month is day 1 to 31), wrapping past December.
struct MonthdayRange: Sendable, Equatable {
    var from: Int
    var to: Int

    func contains(_ date: LocalDateTime) -> Bool {
        let value = date.month * 100 + date.day
        return from <= to ? (from <= value && value <= to) : (value >= from || value <= to)
    }
}

/// ISO weeks `from` through `to`, every `step`th.
struct WeekRange: Sendable, Equatable {
    var from: Int
    var to: Int
    var step = 1

    func contains(_ week: Int) -> Bool {
        from <= week && week <= to && (week - from) % step == 0
    }
}
