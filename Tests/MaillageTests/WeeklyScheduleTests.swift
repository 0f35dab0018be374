@testable import Maillage
import Testing

/// The weekly table of a place's opening hours, checked against hours read by hand.
@Suite struct WeeklyScheduleTests {
    private func week(_ text: String, _ monday: LocalDateTime) throws -> [DaySchedule] {
        try OpeningHours(parsing: text).week(startingOn: monday)
    }

    @Test func weekdaysWithALunchBreakAndSaturdayMorning() throws {
        let days = try week("Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00", LocalDateTime(year: 2026, month: 11, day: 30))
        #expect(days.map(\.date.day) == [30, 1, 2, 3, 4, 5, 6])
        #expect(days.map(\.date.weekday) == [1, 2, 3, 4, 5, 6, 7])
        for day in days.prefix(5) { #expect(day.intervals == [540..<720, 840..<1050]) }
        #expect(days[5].intervals == [540..<720])
        #expect(days[6].intervals.isEmpty)
        #expect(days.allSatisfy { !$0.unknown })
    }

    @Test func aPublicHolidayIsClosedAndAllDayRunsToMidnight() throws {
        // Christmas 2026 is a Friday.
        let days = try week("Mo-Fr 09:00-12:00; PH off", LocalDateTime(year: 2026, month: 12, day: 21))
        #expect(days[3].intervals == [540..<720])
        #expect(days[4].intervals.isEmpty)
        let always = try week("24/7", LocalDateTime(year: 2026, month: 12, day: 28))
        #expect(always.allSatisfy { $0.intervals == [0..<1440] })
        #expect(always.map(\.date.day) == [28, 29, 30, 31, 1, 2, 3], "across the new year")
    }

    @Test func commentsAndUnknownStatesAreKept() throws {
        let days = try week("We 14:00-16:00 \"sur rendez-vous\"; Th unknown", LocalDateTime(year: 2026, month: 11, day: 30))
        #expect(days[2].intervals == [840..<960])
        #expect(days[2].comments == ["sur rendez-vous"])
        #expect(days[3].unknown)
        #expect(!days[0].unknown)
    }

    @Test func theMondayOfAnyDay() {
        #expect(LocalDateTime(year: 2026, month: 12, day: 2, hour: 10).monday == LocalDateTime(year: 2026, month: 11, day: 30))
        #expect(LocalDateTime(year: 2026, month: 11, day: 30).monday == LocalDateTime(year: 2026, month: 11, day: 30))
        #expect(LocalDateTime(year: 2027, month: 1, day: 3).monday == LocalDateTime(year: 2026, month: 12, day: 28))
    }
}
