/// A recursive-descent parser from `opening_hours` text to rules, over a small token stream.
///
/// Tolerant where French producers differ from the OSM spec (extra spaces, lower case, `9h30`,
/// en dashes, trailing `;`), strict everywhere else: the first token that fits nothing throws an
/// `OpeningHoursError` at its character offset, saying what would have fitted.
struct OpeningHoursParser {
    private typealias Token = OpeningHoursToken

    private let text: String
    private let tokens: [Token]
    private var index = 0
    /// What may follow the rule just parsed, for the error when something else does.
    private var expectedAfterRule = ""

    private static let weekdayNames = ["mo", "tu", "we", "th", "fr", "sa", "su"]
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdayExpectation = "a weekday (Mo, Tu, We, Th, Fr, Sa, Su)"
    private static let ruleExpectation = "a rule such as Mo-Fr 09:00-12:00, PH off, Jul-Aug off, 24/7 or a comment in double quotes"

    init(_ text: String) throws(OpeningHoursError) {
        self.text = text
        self.tokens = try OpeningHoursToken.tokens(of: text)
    }

    // MARK: Rules

    /// All rules in order, each with the separator that precedes it.
    mutating func parse() throws(OpeningHoursError) -> [OpeningHoursRule] {
        var rules: [OpeningHoursRule] = []
        var separator = RuleSeparator.normal
        while true {
            var rule = try parseRule()
            rule.separator = separator
            rules.append(rule)
            switch current.kind {
            case .end:
                return rules
            case .symbol(";"):
                while current.kind == .symbol(";") { index += 1 }
                if current.kind == .end { return rules }
                separator = .normal
            case .symbol(","):
                index += 1
                separator = .additional
            case .symbol("|"):
                index += 1
                separator = .fallback
            default:
                throw failure(expectedAfterRule)
            }
        }
    }

    /// One rule: `24/7` or wide selectors, weekdays and times, then an optional modifier and comment.
    private mutating func parseRule() throws(OpeningHoursError) -> OpeningHoursRule {
        var rule = OpeningHoursRule()
        let start = index
        if case .number(24, _) = current.kind, token(at: 1).kind == .symbol("/") {
            index += 2
            guard case .number(7, _) = current.kind else { throw failure("7, as in 24/7") }
            index += 1
            rule.spans = [TimeSpan(start: 0, end: 1440)]
        } else {
            if isMonth(current) { rule.days.monthdays = try parseMonthdays() }
            if current.kind == .word("week") {
                index += 1
                rule.days.weeks = try parseWeeks()
            }
            if !rule.days.isEmpty, current.kind == .symbol(":") { index += 1 }
            if isWeekdayOrHoliday(current) { try parseWeekdays(into: &rule.days) }
            if startsTime(at: 0) { rule.spans = try parseTimes() }
        }
        let selectsSomething = index > start
        let modifiers = "a modifier (off, open, unknown), a comment in double quotes, or ';' before the next rule"
        expectedAfterRule = rule.spans == nil ? "times such as 09:00-12:00, " + modifiers : "',' and more times, " + modifiers
        switch current.kind {
        case .word("open"): rule.state = .open
        case .word("off"), .word("closed"): rule.state = .closed
        case .word("unknown"): rule.state = .unknown
        case .comment(let comment):
            rule.comment = comment
            if !selectsSomething { rule.state = .unknown }
        default:
            guard selectsSomething else { throw failure(Self.ruleExpectation) }
            return rule
        }
        index += 1
        expectedAfterRule = "';' before the next rule (or ',' or '||')"
        if rule.comment == nil, case .comment(let comment) = current.kind {
            rule.comment = comment
            index += 1
        }
        return rule
    }

    // MARK: Selectors

    /// `Jan`, `Jan-Jun`, `Dec 24`, `Dec 24-26`, `Jul 14-Aug 15`, in a comma list (`Jul,Aug`, `Dec 24,31`).
    private mutating func parseMonthdays() throws(OpeningHoursError) -> [MonthdayRange] {
        var ranges: [MonthdayRange] = []
        var month = 0
        repeat {
            if isMonth(current) { month = try parseMonth() }
            let firstDay = try parseDay(of: month)
            var to = month * 100 + (firstDay ?? 31)
            if current.kind == .symbol("-") {
                index += 1
                if isMonth(current) {
                    let endMonth = try parseMonth()
                    let endDay = try parseDay(of: endMonth)
                    to = endMonth * 100 + (endDay ?? 31)
                } else if let firstDay, isDay(at: 0) {
                    let dayToken = current
                    let lastDay = try parseDay(of: month) ?? firstDay
                    guard lastDay >= firstDay else {
                        throw OpeningHoursError(text: text, position: dayToken.position, expected: "a day of the month after \(firstDay)")
                    }
                    to = month * 100 + lastDay
                } else {
                    throw failure(firstDay == nil ? "a month (Jan … Dec)" : "a month or a day of the month")
                }
            }
            ranges.append(MonthdayRange(from: month * 100 + (firstDay ?? 1), to: to))
        } while continuesList(isMonth(token(at: 1)) || (month > 0 && isDay(at: 1)))
        return ranges
    }

    private mutating func parseMonth() throws(OpeningHoursError) -> Int {
        guard case .word(let word) = current.kind, let found = Self.monthNames.firstIndex(of: word) else {
            throw failure("a month (Jan … Dec)")
        }
        index += 1
        return found + 1
    }

    /// A day number after a month, or nil when the next number starts a time instead.
    private mutating func parseDay(of month: Int) throws(OpeningHoursError) -> Int? {
        guard isDay(at: 0), case .number(let day, _) = current.kind else { return nil }
        let last = month == 2 ? 29 : LocalDateTime.daysInMonth(year: 2001, month: month)
        guard (1...last).contains(day) else { throw failure("a day of the month from 1 to \(last)") }
        index += 1
        return day
    }

    /// `week 1-26`, `week 2-52/2`, `week 1,3,5`.
    private mutating func parseWeeks() throws(OpeningHoursError) -> [WeekRange] {
        var ranges: [WeekRange] = []
        repeat {
            var range = try WeekRange(from: parseNumber(in: 1...53, "a week number from 1 to 53"), to: 0)
            range.to = range.from
            if current.kind == .symbol("-") {
                index += 1
                range.to = try parseNumber(in: range.from...53, "a week number from \(range.from) to 53")
                if current.kind == .symbol("/") {
                    index += 1
                    range.step = try parseNumber(in: 1...52, "a step from 1 to 52 weeks")
                }
            }
            ranges.append(range)
        } while continuesList(isDay(at: 1))
        return ranges
    }

    /// `Mo`, `Mo-Fr`, `Sa-Mo`, `Sa[1]`, `Su[-1]`, `PH`, in a comma list.
    private mutating func parseWeekdays(into days: inout DaySelector) throws(OpeningHoursError) {
        repeat {
            if current.kind == .word("ph") {
                days.publicHolidays = true
                index += 1
                continue
            }
            guard current.kind != .word("sh") else { throw failure("a weekday or PH (school holidays, SH, are not supported)") }
            var range = try WeekdayRange(from: parseWeekday(), to: 0)
            range.to = range.from
            if current.kind == .symbol("-") {
                index += 1
                range.to = try parseWeekday()
            } else if current.kind == .symbol("[") {
                index += 1
                repeat {
                    let negative = current.kind == .symbol("-")
                    if negative { index += 1 }
                    let n = try parseNumber(in: 1...5, "a week of the month from 1 to 5 (or -1 to -5 from its end)")
                    if !negative, current.kind == .symbol("-") {
                        index += 1
                        let last = try parseNumber(in: n...5, "a week of the month from \(n) to 5")
                        range.nth += Array(n...last)
                    } else {
                        range.nth.append(negative ? -n : n)
                    }
                } while consume(",")
                guard consume("]") else { throw failure("']' to close the list of weeks of the month") }
            }
            days.weekdays.append(range)
        } while continuesList(isWeekdayOrHoliday(token(at: 1)))
    }

    private mutating func parseWeekday() throws(OpeningHoursError) -> Int {
        guard case .word(let word) = current.kind, let found = Self.weekdayNames.firstIndex(of: word) else {
            throw failure(Self.weekdayExpectation)
        }
        index += 1
        return found + 1
    }

    // MARK: Times

    /// `09:00-12:00,14:00-18:30`; an end at or before the start runs past midnight.
    private mutating func parseTimes() throws(OpeningHoursError) -> [TimeSpan] {
        var spans: [TimeSpan] = []
        repeat {
            let start = try parseTime(latestHour: 23)
            guard current.kind != .symbol("+") else { throw failure("'-' and a closing time (open ends such as 18:00+ are not supported)") }
            guard consume("-") else { throw failure("'-' and a closing time, as in 09:00-12:00") }
            var end = try parseTime(latestHour: 48)
            if end <= start { end += 1440 }
            spans.append(TimeSpan(start: start, end: end))
        } while continuesList(startsTime(at: 1))
        return spans
    }

    /// `09:00`, `9:00`, `9h`, `9h30`, as minutes from midnight; a closing time may run to 48:00.
    private mutating func parseTime(latestHour: Int) throws(OpeningHoursError) -> Int {
        let hourToken = current
        guard startsTime(at: 0), case .number(let hour, _) = hourToken.kind else {
            throw failure(latestHour > 24 ? "a time such as 18:00" : "a time such as 09:00")
        }
        guard hour <= latestHour else { throw failure("an hour from 00 to \(latestHour)") }
        index += 1
        let separator = current
        index += 1
        var minute = 0
        // Minutes follow ':' always, and 'h' only when written against it ("9h30", not "9h 30").
        if separator.kind == .symbol(":") || (isNumber(current) && current.position == separator.position + 1) {
            guard isMinutes(current), case .number(let value, _) = current.kind else {
                throw failure("two digits of minutes, from 00 to 59")
            }
            minute = value
            index += 1
        }
        guard hour * 60 + minute <= 2880 else {
            throw OpeningHoursError(text: text, position: hourToken.position, expected: "a closing time no later than 48:00")
        }
        return hour * 60 + minute
    }

    // MARK: Token helpers

    private var current: Token { token(at: 0) }

    private func token(at offset: Int) -> Token {
        let i = index + offset
        return i < tokens.count ? tokens[i] : Token(kind: .end, position: text.count)
    }

    private func failure(_ expected: String) -> OpeningHoursError {
        OpeningHoursError(text: text, position: current.position, expected: expected)
    }

    private mutating func consume(_ symbol: Character) -> Bool {
        guard current.kind == .symbol(symbol) else { return false }
        index += 1
        return true
    }

    /// Consumes a `,` only if the token after it continues the list being parsed (`continues`).
    private mutating func continuesList(_ continues: Bool) -> Bool {
        guard current.kind == .symbol(","), continues else { return false }
        index += 1
        return true
    }

    private mutating func parseNumber(in range: ClosedRange<Int>, _ expected: String) throws(OpeningHoursError) -> Int {
        guard case .number(let value, _) = current.kind, range.contains(value) else { throw failure(expected) }
        index += 1
        return value
    }

    private func isMonth(_ token: Token) -> Bool {
        if case .word(let word) = token.kind { return Self.monthNames.contains(word) }
        return false
    }

    private func isWeekdayOrHoliday(_ token: Token) -> Bool {
        if case .word(let word) = token.kind { return Self.weekdayNames.contains(word) || word == "ph" || word == "sh" }
        return false
    }

    private func isNumber(_ token: Token) -> Bool {
        if case .number = token.kind { return true }
        return false
    }

    private func isMinutes(_ token: Token) -> Bool {
        if case .number(let value, let digits) = token.kind { return digits == 2 && value <= 59 }
        return false
    }

    /// Whether the token at `offset` is a number that starts a time (followed by `:` or `h`).
    private func startsTime(at offset: Int) -> Bool {
        guard case .number(_, let digits) = token(at: offset).kind, digits <= 2 else { return false }
        let next = token(at: offset + 1).kind
        return next == .symbol(":") || next == .word("h")
    }

    /// Whether the token at `offset` is a plain number (a day or week), not the start of a time.
    private func isDay(at offset: Int) -> Bool {
        isNumber(token(at: offset)) && !startsTime(at: offset)
    }
}
