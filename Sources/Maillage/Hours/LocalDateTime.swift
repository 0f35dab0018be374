/// Calendar knowledge for the opening-hours evaluator: local moments and French public holidays.

/// A wall-clock moment in France (no time zone arithmetic: the caller gives local time).
///
/// The fields are stored as given; `isValid` tells whether they name a moment that exists.
/// Calendar arithmetic is the proleptic Gregorian calendar, done by hand so that it never
/// depends on the machine's locale or time zone.
public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int

    /// A moment from its fields, unchecked (see `isValid`).
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Parses "2025-03-15T10:30", "2025-03-15 10:30" or "2025-03-15" (midnight); nil otherwise or if the date does not exist.
    public init?(parsing text: String) {
        let characters = Array(text)
        guard characters.count == 10 || characters.count == 16,
              characters[4] == "-", characters[7] == "-",
              let year = Self.digits(characters[0..<4]),
              let month = Self.digits(characters[5..<7]),
              let day = Self.digits(characters[8..<10])
        else { return nil }
        var hour = 0
        var minute = 0
        if characters.count == 16 {
            guard characters[10] == "T" || characters[10] == " ", characters[13] == ":",
                  let h = Self.digits(characters[11..<13]), let m = Self.digits(characters[14..<16])
            else { return nil }
            hour = h
            minute = m
        }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute)
        guard isValid else { return nil }
    }

    /// Whether the fields name a real moment: year 1–9999, an existing day, hour 0–23, minute 0–59.
    public var isValid: Bool {
        (1...9999).contains(year) && (1...12).contains(month)
            && day >= 1 && day <= Self.daysInMonth(year: year, month: month)
            && (0...23).contains(hour) && (0...59).contains(minute)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    ///
    /// Sakamoto's method; wrapping arithmetic keeps absurd field values from trapping.
    public var weekday: Int {
        let offset = switch month {
        case 2, 6: 3
        case 3, 11: 2
        case 4, 7: 5
        case 8: 1
        case 9, 12: 4
        case 10: 6
        default: 0
        }
        let y = month < 3 ? year &- 1 : year
        let sum = y &+ y / 4 &- y / 100 &+ y / 400 &+ offset &+ day
        let sundayBased = (sum % 7 + 7) % 7
        return sundayBased == 0 ? 7 : sundayBased
    }

    /// "2025-03-15T10:30".
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2))"
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute) < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute)
    }

    /// The value of a run of ASCII digits, or nil if any character is not one.
    private static func digits(_ characters: ArraySlice<Character>) -> Int? {
        var value = 0
        for character in characters {
            guard character.isASCII, let digit = character.wholeNumberValue else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}

// MARK: - Calendar arithmetic used by the opening-hours evaluator

extension LocalDateTime {
    /// Gregorian leap-year rule.
    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Number of days in `month` (1–12) of `year`; 31 for a month out of range.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Ordinal day in the year, 1 for 1 January.
    static func dayOfYear(year: Int, month: Int, day: Int) -> Int {
        var total = day
        var current = 1
        while current < min(month, 13) {
            total += daysInMonth(year: year, month: current)
            current += 1
        }
        return total
    }

    /// Number of ISO weeks in `year`: 53 when it starts on a Thursday, or on a Wednesday in a leap year.
    static func isoWeeksInYear(_ year: Int) -> Int {
        func p(_ y: Int) -> Int { ((y + y / 4 - y / 100 + y / 400) % 7 + 7) % 7 }
        return p(year) == 4 || p(year - 1) == 3 ? 53 : 52
    }

    /// The ISO week number (1–53) of this date, counted in its ISO week-based year.
    var isoWeek: Int {
        let week = (Self.dayOfYear(year: year, month: month, day: day) - weekday + 10) / 7
        if week < 1 { return Self.isoWeeksInYear(year - 1) }
        if week > Self.isoWeeksInYear(year) { return 1 }
        return week
    }

    /// Minutes since midnight.
    var minuteOfDay: Int { hour * 60 + minute }

    /// The same moment with the time of day dropped (midnight).
    public var date: LocalDateTime { LocalDateTime(year: year, month: month, day: day) }

    /// Midnight of the day before.
    var previousDay: LocalDateTime {
        if day > 1 { return LocalDateTime(year: year, month: month, day: day - 1) }
        if month > 1 { return LocalDateTime(year: year, month: month - 1, day: Self.daysInMonth(year: year, month: month - 1)) }
        return LocalDateTime(year: year - 1, month: 12, day: 31)
    }
}

// MARK: - Public holidays

/// The eleven national public holidays ("jours fériés") of metropolitan France.
///
/// Fixed: 1 January, 1 May, 8 May, 14 July, 15 August, 1 November, 11 November, 25 December.
/// Moving, from Easter Sunday: Easter Monday (+1), Ascension (+39), Whit Monday (+50).
/// Regional days (Good Friday and 26 December in Alsace-Moselle, abolition days overseas)
/// are not included: `PH` in an opening-hours value means these eleven.
public enum FrenchHolidays {
    /// Whether the given date is one of the eleven national public holidays.
    public static func isHoliday(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1, day <= LocalDateTime.daysInMonth(year: year, month: month) else {
            return false
        }
        switch (month, day) {
        case (1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25):
            return true
        default:
            let easter = easterSunday(year: year)
            let offset = LocalDateTime.dayOfYear(year: year, month: month, day: day)
                - LocalDateTime.dayOfYear(year: year, month: easter.month, day: easter.day)
            return offset == 1 || offset == 39 || offset == 50
        }
    }

    /// Easter Sunday of a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    ///
    /// - Complexity: O(1).
    public static func easterSunday(year: Int) -> (month: Int, day: Int) {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let n = h + l - 7 * m + 114
        return (month: n / 31, day: n % 31 + 1)
    }
}
