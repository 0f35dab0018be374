import Foundation
import Testing
@testable import Maillage

/// One expectation: `text` evaluated at `moment` ("2025-03-10T10:00") gives `expected` (nil: unknown).
struct HoursCase: Sendable, CustomTestStringConvertible {
    let text: String
    let moment: String
    let expected: Bool?

    init(_ text: String, _ moment: String, _ expected: Bool?) {
        self.text = text
        self.moment = moment
        self.expected = expected
    }

    var testDescription: String { "\(text) @ \(moment) → \(expected.map(String.init) ?? "nil")" }
}

/// The `opening_hours` parser and evaluator, checked against answers worked out by hand.
///
/// Calendar used throughout (checked against a printed calendar): the week of 10 March 2025 runs
/// Monday 10 … Sunday 16 and is ISO week 11; 14 July 2025 is a Monday; 24 December 2025 a Wednesday.
@Suite struct OpeningHoursTests {
    private func evaluate(_ check: HoursCase) throws {
        let hours = try OpeningHours(parsing: check.text)
        let moment = try #require(LocalDateTime(parsing: check.moment))
        #expect(hours.isOpen(at: moment) == check.expected, "\(check.testDescription)")
    }

    // MARK: Real values from the data files

    /// Thirty distinct values copied from the hinaura JSON and the official v1 example CSV.
    static let realCases: [HoursCase] = [
        .init("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "2025-03-11T10:00", true),
        .init("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "2025-03-11T13:00", false),
        .init("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "2025-03-11T18:29", true),
        .init("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "2025-03-11T18:30", false),
        .init("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "2025-03-15T08:30", true),
        .init("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "2025-03-15T12:00", false),
        .init("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00", "2025-03-16T10:00", false),
        .init("Mo-Fr 08:30-12:00,13:30-17:00; Th off", "2025-03-13T10:00", false),
        .init("Mo-Fr 08:30-12:00,13:30-17:00; Th off", "2025-03-12T10:00", true),
        .init("Mo-Fr 08:30-12:00,13:30-17:00; Th off", "2025-03-12T12:30", false),
        .init("Mo-Fr 08:00-16:00; Tu 10:00-16:00", "2025-03-11T09:00", false),
        .init("Mo-Fr 08:00-16:00; Tu 10:00-16:00", "2025-03-10T09:00", true),
        .init("Mo-Fr 08:00-16:00; Tu 10:00-16:00", "2025-03-11T15:59", true),
        .init("Fr 19:00-11:00", "2025-03-14T20:00", true),
        .init("Fr 19:00-11:00", "2025-03-15T10:59", true),
        .init("Fr 19:00-11:00", "2025-03-15T11:00", false),
        .init("Fr 19:00-11:00", "2025-03-14T10:00", false),
        .init("Fr 19:00-11:00", "2025-03-14T18:59", false),
        .init("08:30-11:30; Th 08:30-11:30,14:00-16:30", "2025-03-16T09:00", true),
        .init("08:30-11:30; Th 08:30-11:30,14:00-16:30", "2025-03-10T15:00", false),
        .init("08:30-11:30; Th 08:30-11:30,14:00-16:30", "2025-03-13T15:00", true),
        .init("Mo-Sa 09:00-12:00; Tu-Fr 09:00-12:00,14:00-17:00; We off", "2025-03-12T10:00", false),
        .init("Mo-Sa 09:00-12:00; Tu-Fr 09:00-12:00,14:00-17:00; We off", "2025-03-11T15:00", true),
        .init("Mo-Sa 09:00-12:00; Tu-Fr 09:00-12:00,14:00-17:00; We off", "2025-03-10T15:00", false),
        .init("Mo-Sa 09:00-12:00; Tu-Fr 09:00-12:00,14:00-17:00; We off", "2025-03-15T10:00", true),
        .init("Mo 09:00-15:00,14:00-19:00; Tu 09:15-13:00,14:00-20:00; We 09:00-12:00; Th 09:15-13:00,16:00-19:00; Fr 09:00-13:00,14:00-18:00", "2025-03-10T14:30", true),
        .init("Mo 09:00-15:00,14:00-19:00; Tu 09:15-13:00,14:00-20:00; We 09:00-12:00; Th 09:15-13:00,16:00-19:00; Fr 09:00-13:00,14:00-18:00", "2025-03-10T18:00", true),
        .init("Mo 09:00-15:00,14:00-19:00; Tu 09:15-13:00,14:00-20:00; We 09:00-12:00; Th 09:15-13:00,16:00-19:00; Fr 09:00-13:00,14:00-18:00", "2025-03-11T09:00", false),
        .init("Mo 09:00-15:00,14:00-19:00; Tu 09:15-13:00,14:00-20:00; We 09:00-12:00; Th 09:15-13:00,16:00-19:00; Fr 09:00-13:00,14:00-18:00", "2025-03-13T14:00", false),
        .init("Mo 09:00-15:00,14:00-19:00; Tu 09:15-13:00,14:00-20:00; We 09:00-12:00; Th 09:15-13:00,16:00-19:00; Fr 09:00-13:00,14:00-18:00", "2025-03-14T13:30", false),
        .init("Tu 14:00-16:00; Th 01:00-12:00,17:00-18:30; Sa 10:00-12:00", "2025-03-13T01:00", true),
        .init("Tu 14:00-16:00; Th 01:00-12:00,17:00-18:30; Sa 10:00-12:00", "2025-03-13T00:59", false),
        .init("Tu 14:00-16:00; Th 01:00-12:00,17:00-18:30; Sa 10:00-12:00", "2025-03-13T18:15", true),
        .init("Mo-Fr 09:00-12:00,12:00-19:00; We 07:30-12:00,12:00-19:00", "2025-03-12T12:00", true),
        .init("Mo-Fr 09:00-12:00,12:00-19:00; We 07:30-12:00,12:00-19:00", "2025-03-12T07:30", true),
        .init("Mo-Fr 09:00-12:00,12:00-19:00; We 07:30-12:00,12:00-19:00", "2025-03-10T07:30", false),
        .init("Mo-Fr 09:00-12:00,12:00-19:00; We 07:30-12:00,12:00-19:00", "2025-03-10T18:59", true),
        .init("Tu,We 13:30-17:15; Th 16:30-22:00; Sa 08:30-12:30", "2025-03-13T21:59", true),
        .init("Tu,We 13:30-17:15; Th 16:30-22:00; Sa 08:30-12:30", "2025-03-13T22:00", false),
        .init("Tu,We 13:30-17:15; Th 16:30-22:00; Sa 08:30-12:30", "2025-03-14T01:00", false),
        .init("Tu,We 13:30-17:15; Th 16:30-22:00; Sa 08:30-12:30", "2025-03-12T14:00", true),
        .init("Mo-Fr 16:30-18:45; Sa 10:00-11:30; Tu,Th off", "2025-03-11T17:00", false),
        .init("Mo-Fr 16:30-18:45; Sa 10:00-11:30; Tu,Th off", "2025-03-12T17:00", true),
        .init("Mo-Fr 16:30-18:45; Sa 10:00-11:30; Tu,Th off", "2025-03-13T17:00", false),
        .init("Mo-Fr 16:30-18:45; Sa 10:00-11:30; Tu,Th off", "2025-03-15T11:29", true),
        .init("Th,Sa 10:00-12:00; Mo 09:30-12:00; We 10:00-17:00; Fr 10:00-12:00,15:00-18:00", "2025-03-15T11:00", true),
        .init("Th,Sa 10:00-12:00; Mo 09:30-12:00; We 10:00-17:00; Fr 10:00-12:00,15:00-18:00", "2025-03-14T16:00", true),
        .init("Th,Sa 10:00-12:00; Mo 09:30-12:00; We 10:00-17:00; Fr 10:00-12:00,15:00-18:00", "2025-03-11T11:00", false),
        .init("Tu,Fr 14:30-18:30; We 09:30-12:30,14:30-18:30; Th 04:30-18:30; Sa 09:30-12:30", "2025-03-13T05:00", true),
        .init("Tu,Fr 14:30-18:30; We 09:30-12:30,14:30-18:30; Th 04:30-18:30; Sa 09:30-12:30", "2025-03-13T04:29", false),
        .init("Tu,Fr 14:30-18:30; We 09:30-12:30,14:30-18:30; Th 04:30-18:30; Sa 09:30-12:30", "2025-03-14T14:29", false),
        .init("Mo-Fr 15:30-18:30; We 09:30-12:00,15:30-18:30; Sa 09:30-12:00; Th off", "2025-03-13T16:00", false),
        .init("Mo-Fr 15:30-18:30; We 09:30-12:00,15:30-18:30; Sa 09:30-12:00; Th off", "2025-03-12T10:00", true),
        .init("Mo-Fr 15:30-18:30; We 09:30-12:00,15:30-18:30; Sa 09:30-12:00; Th off", "2025-03-14T16:00", true),
        .init("Mo-Fr 15:30-18:30; We 09:30-12:00,15:30-18:30; Sa 09:30-12:00; Th off", "2025-03-10T10:00", false),
        .init("Mo-Th 09:00-12:00,13:00-17:00; Fr 09:00-12:00; We off", "2025-03-14T14:00", false),
        .init("Mo-Th 09:00-12:00,13:00-17:00; Fr 09:00-12:00; We off", "2025-03-13T14:00", true),
        .init("Mo-Th 09:00-12:00,13:00-17:00; Fr 09:00-12:00; We off", "2025-03-12T10:00", false),
        .init("We-Sa 10:00-19:00; Tu,Th 14:00-19:00", "2025-03-13T11:00", false),
        .init("We-Sa 10:00-19:00; Tu,Th 14:00-19:00", "2025-03-13T15:00", true),
        .init("We-Sa 10:00-19:00; Tu,Th 14:00-19:00", "2025-03-14T11:00", true),
        .init("We-Sa 10:00-19:00; Tu,Th 14:00-19:00", "2025-03-11T11:00", false),
        .init("We-Sa 10:00-19:00; Tu,Th 14:00-19:00", "2025-03-16T15:00", false),
        .init("Mo-Fr 08:30-12:30,13:30-17:30; We,Th off", "2025-03-12T09:00", false),
        .init("Mo-Fr 08:30-12:30,13:30-17:30; We,Th off", "2025-03-14T09:00", true),
        .init("Tu-Sa 08:15-11:45; Mo,We 08:15-11:45,16:30-18:30", "2025-03-12T17:00", true),
        .init("Tu-Sa 08:15-11:45; Mo,We 08:15-11:45,16:30-18:30", "2025-03-13T17:00", false),
        .init("Tu-Sa 08:15-11:45; Mo,We 08:15-11:45,16:30-18:30", "2025-03-10T08:15", true),
        .init("Tu-Sa 08:15-11:45; Mo,We 08:15-11:45,16:30-18:30", "2025-03-16T09:00", false),
        .init("Tu-Sa 08:15-11:45; Mo,We 08:15-11:45,16:30-18:30", "2025-03-15T11:44", true),
        .init("Mo-Th 08:30-12:00,13:30-17:00; We 13:30-17:00; Fr 08:30-12:00", "2025-03-12T09:00", false),
        .init("Mo-Th 08:30-12:00,13:30-17:00; We 13:30-17:00; Fr 08:30-12:00", "2025-03-12T14:00", true),
        .init("Mo-Th 08:30-12:00,13:30-17:00; We 13:30-17:00; Fr 08:30-12:00", "2025-03-14T14:00", false),
        .init("09:00-12:00,14:00-17:30", "2025-03-16T10:00", true),
        .init("09:00-12:00,14:00-17:30", "2025-03-16T13:00", false),
        .init("Mo-Fr 09:00-12:00; We off", "2025-03-12T10:00", false),
        .init("Mo-Fr 09:00-12:00; We off", "2025-03-11T10:00", true),
        .init("Mo-Th 13:30-18:00; We 09:30-12:30,13:30-17:45; Fr 09:30-12:30,13:30-18:00", "2025-03-12T17:50", false),
        .init("Mo-Th 13:30-18:00; We 09:30-12:30,13:30-17:45; Fr 09:30-12:30,13:30-18:00", "2025-03-10T17:50", true),
        .init("Tu-Fr 09:00-18:30; We 13:00-19:00", "2025-03-12T10:00", false),
        .init("Tu-Fr 09:00-18:30; We 13:00-19:00", "2025-03-12T18:45", true),
        .init("Tu-Fr 09:00-18:30; We 13:00-19:00", "2025-03-13T10:00", true),
        .init("Mo,Fr 09:00-12:00; We,Th 09:00-12:00,14:00-16:30; Tu 09:00-16:30", "2025-03-11T13:00", true),
        .init("Mo,Fr 09:00-12:00; We,Th 09:00-12:00,14:00-16:30; Tu 09:00-16:30", "2025-03-10T13:00", false),
        .init("Mo,Fr 09:00-12:00; We,Th 09:00-12:00,14:00-16:30; Tu 09:00-16:30", "2025-03-13T16:29", true),
        .init("Tu,Fr 10:00-12:00; We,Sa 14:00-18:00", "2025-03-15T15:00", true),
        .init("Tu,Fr 10:00-12:00; We,Sa 14:00-18:00", "2025-03-15T11:00", false),
        .init("We 14:00-17:00; Th 09:00-12:00; Fr 18:00-19:30", "2025-03-14T19:29", true),
        .init("We 14:00-17:00; Th 09:00-12:00; Fr 18:00-19:30", "2025-03-14T19:30", false),
        // No PH rule: a holiday Monday is an ordinary Monday.
        .init("Mo-Fr 09:00-17:00", "2025-07-14T10:00", true),
        .init("Tu-Fr 10:00-12:00,14:00-18:30; Sa 09:00-16:00; Th off", "2025-03-13T11:00", false),
        .init("Tu-Fr 10:00-12:00,14:00-18:30; Sa 09:00-16:00; Th off", "2025-03-15T15:59", true),
        .init("Tu-Fr 10:00-12:00,14:00-18:30; Sa 09:00-16:00; Th off", "2025-03-11T13:00", false),
        .init("Mo-Fr 08:00-20:00; Sa 08:00-14:00", "2025-03-15T13:59", true),
        .init("Mo-Fr 08:00-20:00; Sa 08:00-14:00", "2025-03-15T14:00", false),
        .init("Mo-Fr 08:00-20:00; Sa 08:00-14:00", "2025-03-14T19:59", true),
        .init("Sa 09:00-12:00", "2025-03-15T09:00", true),
        .init("Sa 09:00-12:00", "2025-03-10T09:00", false),
    ]

    @Test(arguments: realCases)
    func realValuesEvaluateAsWorkedOutByHand(_ check: HoursCase) throws {
        try evaluate(check)
    }

    @Test func theRealTableHoldsAtLeastTwentyFiveDistinctValues() {
        #expect(Set(Self.realCases.map(\.text)).count == 30)
    }

    // MARK: Features, on made-up values

    static let featureCases: [HoursCase] = [
        .init("24/7", "2025-03-16T03:00", true),
        // PH, from FrenchHolidays: 14 July, Easter Monday, Whit Monday, Ascension 2025.
        .init("Mo-Fr 09:00-18:00; PH off", "2025-07-14T10:00", false),
        .init("Mo-Fr 09:00-18:00; PH off", "2025-07-15T10:00", true),
        .init("Mo-Fr 09:00-18:00; PH off", "2025-04-21T10:00", false),
        .init("Mo-Fr 09:00-18:00; PH off", "2025-06-09T10:00", false),
        .init("Mo-Fr 09:00-18:00; PH off", "2025-05-29T10:00", false),
        .init("Mo-Fr 09:00-18:00; PH off", "2025-05-28T10:00", true),
        .init("Mo-Fr 09:00-12:00, PH off", "2025-07-14T10:00", false),
        .init("Mo-Su 10:00-18:00; PH 10:00-12:00", "2025-05-29T11:00", true),
        .init("Mo-Su 10:00-18:00; PH 10:00-12:00", "2025-05-29T15:00", false),
        .init("Mo-Su 10:00-18:00; PH 10:00-12:00", "2025-05-28T15:00", true),
        .init("Su,PH 10:00-12:00", "2025-07-14T11:00", true),
        .init("Su,PH 10:00-12:00", "2025-07-15T11:00", false),
        .init("Su,PH 10:00-12:00", "2025-03-16T11:00", true),
        .init("PH off", "2025-07-15T10:00", false),
        // Past midnight: the session belongs to the day it starts.
        .init("Mo-Fr 22:00-02:00", "2025-03-15T01:00", true),
        .init("Mo-Fr 22:00-02:00", "2025-03-10T01:00", false),
        .init("Mo-Fr 22:00-02:00", "2025-03-11T01:59", true),
        .init("Mo-Fr 22:00-02:00", "2025-03-11T02:00", false),
        .init("Mo-Fr 22:00-02:00", "2025-03-10T22:00", true),
        .init("Mo-Fr 22:00-02:00", "2025-03-10T21:59", false),
        .init("Mo-Su 22:00-02:00; Tu off", "2025-03-11T01:00", true),
        .init("Mo-Su 22:00-02:00; Tu off", "2025-03-12T01:00", false),
        .init("Mo-Su 22:00-02:00; Tu off", "2025-03-11T23:00", false),
        .init("Mo-Su 22:00-02:00; Tu 00:00-03:00 off", "2025-03-11T01:00", false),
        .init("Sa 22:00-02:00; Su off", "2025-03-16T01:00", true),
        .init("Sa 22:00-02:00; Su off", "2025-03-16T10:00", false),
        .init("Sa 20:00-24:00", "2025-03-15T23:59", true),
        .init("Sa 20:00-24:00", "2025-03-16T00:00", false),
        .init("Fr 18:00-26:00", "2025-03-15T01:00", true),
        .init("Fr 18:00-26:00", "2025-03-15T02:00", false),
        // Weekday ranges that wrap past Sunday.
        .init("Sa-Mo 10:00-12:00", "2025-03-16T11:00", true),
        .init("Sa-Mo 10:00-12:00", "2025-03-10T11:00", true),
        .init("Sa-Mo 10:00-12:00", "2025-03-15T11:00", true),
        .init("Sa-Mo 10:00-12:00", "2025-03-11T11:00", false),
        .init("Sa-Mo 10:00-12:00", "2025-03-14T11:00", false),
        // `||` fallback: used only where no earlier rule covers the moment.
        .init("Mo-Fr 09:00-12:00 || \"sur rendez-vous\"", "2025-03-10T10:00", true),
        .init("Mo-Fr 09:00-12:00 || \"sur rendez-vous\"", "2025-03-10T15:00", nil),
        .init("Mo-Fr 09:00-12:00 || \"sur rendez-vous\"", "2025-03-16T10:00", nil),
        .init("Mo-Fr 09:00-12:00; Sa off || \"sur rendez-vous\"", "2025-03-15T10:00", false),
        .init("Mo-Fr 09:00-12:00; Sa off || \"sur rendez-vous\"", "2025-03-16T10:00", nil),
        .init("Mo-Fr 09:00-12:00; Sa off || \"sur rendez-vous\"", "2025-03-10T10:00", true),
        .init("Mo-Fr 09:00-12:00 || Sa 10:00-12:00", "2025-03-15T11:00", true),
        .init("Mo-Fr 09:00-12:00 || Sa 10:00-12:00", "2025-03-16T11:00", false),
        // Comments and states.
        .init("\"sur rendez-vous\"", "2025-03-10T10:00", nil),
        .init("Mo-Fr 09:00-12:00 \"sur RDV\"", "2025-03-10T10:00", true),
        .init("Mo-Fr 09:00-12:00 \"sur RDV\"", "2025-03-10T13:00", false),
        .init("Mo-Fr 09:00-12:00 off \"travaux\"", "2025-03-10T10:00", false),
        .init("Mo-Fr 09:00-12:00; \"fermé l'été\"", "2025-03-10T10:00", nil),
        .init("Mo-Fr 09:00-12:00 unknown", "2025-03-10T10:00", nil),
        .init("Mo-Fr 09:00-12:00 unknown", "2025-03-10T13:00", false),
        .init("unknown", "2025-03-10T10:00", nil),
        .init("open", "2025-03-10T03:00", true),
        .init("off", "2025-03-10T10:00", false),
        .init("closed", "2025-03-10T10:00", false),
        // Months and dates.
        .init("Jan-Jun Mo-Fr 09:00-12:00", "2025-03-10T10:00", true),
        .init("Jan-Jun Mo-Fr 09:00-12:00", "2025-09-01T10:00", false),
        .init("Mo-Fr 09:00-17:00; Jul,Aug off", "2025-07-15T10:00", false),
        .init("Mo-Fr 09:00-17:00; Jul,Aug off", "2025-08-18T10:00", false),
        .init("Mo-Fr 09:00-17:00; Jul,Aug off", "2025-09-01T10:00", true),
        .init("Mo-Sa 10:00-18:00; Dec 24 off", "2025-12-24T11:00", false),
        .init("Mo-Sa 10:00-18:00; Dec 24 off", "2025-12-23T11:00", true),
        .init("Mo-Fr 09:00-12:00; Jul 14-Aug 15 off", "2025-07-15T10:00", false),
        .init("Mo-Fr 09:00-12:00; Jul 14-Aug 15 off", "2025-08-15T10:00", false),
        .init("Mo-Fr 09:00-12:00; Jul 14-Aug 15 off", "2025-08-18T10:00", true),
        .init("Mo-Fr 09:00-12:00; Jul 14-Aug 15 off", "2025-07-11T10:00", true),
        .init("Mo-Fr 09:00-17:00; Dec 24-Jan 2 off", "2026-01-02T10:00", false),
        .init("Mo-Fr 09:00-17:00; Dec 24-Jan 2 off", "2025-12-24T10:00", false),
        .init("Mo-Fr 09:00-17:00; Dec 24-Jan 2 off", "2026-01-05T10:00", true),
        .init("Mo-Sa 10:00-18:00; Dec 24,31 10:00-12:00", "2025-12-31T15:00", false),
        .init("Mo-Sa 10:00-18:00; Dec 24,31 10:00-12:00", "2025-12-31T11:00", true),
        .init("Mo-Sa 10:00-18:00; Dec 24,31 10:00-12:00", "2025-12-30T15:00", true),
        .init("Jul-Aug: Mo-Fr 10:00-12:00", "2025-07-15T11:00", true),
        .init("Jul-Aug: Mo-Fr 10:00-12:00", "2025-03-11T11:00", false),
        // ISO weeks: 11 March 2025 is in week 11, 2 September in week 36, 30 December 2024 in
        // week 1 of 2025, 1 January 2027 in week 53 of 2026 (a year that starts on a Thursday).
        .init("week 1-26 Mo-Fr 09:00-12:00", "2025-03-11T10:00", true),
        .init("week 1-26 Mo-Fr 09:00-12:00", "2025-09-02T10:00", false),
        .init("week 2-52/2 Sa 10:00-12:00", "2025-03-15T11:00", false),
        .init("week 2-52/2 Sa 10:00-12:00", "2025-03-22T11:00", true),
        .init("week 2-52/2 Sa 10:00-12:00", "2025-01-04T11:00", false),
        .init("week 1 Mo 10:00-12:00", "2024-12-30T11:00", true),
        .init("week 53 Fr 10:00-12:00", "2027-01-01T11:00", true),
        // Nth weekday of the month: March 2025 starts on a Saturday.
        .init("Sa[1] 10:00-12:00", "2025-03-01T11:00", true),
        .init("Sa[1] 10:00-12:00", "2025-03-08T11:00", false),
        .init("Sa[-1] 10:00-12:00", "2025-03-29T11:00", true),
        .init("Sa[-1] 10:00-12:00", "2025-03-22T11:00", false),
        .init("Mo[1,3] 14:00-16:00", "2025-03-03T15:00", true),
        .init("Mo[1,3] 14:00-16:00", "2025-03-10T15:00", false),
        .init("Mo[1,3] 14:00-16:00", "2025-03-17T15:00", true),
        .init("Mo[2-3] 14:00-16:00", "2025-03-10T15:00", true),
        .init("Mo[2-3] 14:00-16:00", "2025-03-03T15:00", false),
        // What French producers write.
        .init("mo-fr 9h-12h,14h-17h30", "2025-03-10T17:15", true),
        .init("mo-fr 9h-12h,14h-17h30", "2025-03-10T17:30", false),
        .init("mo-fr 9h-12h,14h-17h30", "2025-03-10T09:00", true),
        .init("mo-fr 9h-12h,14h-17h30", "2025-03-10T12:00", false),
        .init("MO-FR 09H30-12H", "2025-03-10T09:29", false),
        .init("MO-FR 09H30-12H", "2025-03-10T09:30", true),
        .init("Mo–Fr 09:00–12:00", "2025-03-10T11:00", true),
        .init("  Mo - Fr   09:00 - 12:00 ;  Sa 10:00-12:00 ; ", "2025-03-15T11:00", true),
        .init("  Mo - Fr   09:00 - 12:00 ;  Sa 10:00-12:00 ; ", "2025-03-10T11:00", true),
        .init("Mo-Fr\u{00A0}09:00-12:00", "2025-03-10T10:00", true),
        // `,` then times continues the time list; `,` then weekdays starts an additional rule.
        .init("Mo-Fr 09:00-12:00, 14:00-17:00", "2025-03-10T15:00", true),
        .init("Mo-Fr 09:00-12:00, 14:00-17:00", "2025-03-16T15:00", false),
        .init("Mo-Fr 08:00-18:00, We 12:00-14:00 off", "2025-03-12T13:00", false),
        .init("Mo-Fr 08:00-18:00, We 12:00-14:00 off", "2025-03-12T15:00", true),
        .init("Mo-Fr 08:00-18:00; We 12:00-14:00 off", "2025-03-12T15:00", false),
    ]

    @Test(arguments: featureCases)
    func featuresEvaluateAsWorkedOutByHand(_ check: HoursCase) throws {
        try evaluate(check)
    }

    @Test func commasInListsAreListsAndCommasBeforeWeekdaysSeparateRules() throws {
        let lists = try OpeningHours(parsing: "Mo,We 09:00-12:00,14:00-17:00")
        #expect(lists.groups.count == 1 && lists.groups[0].count == 1)
        #expect(lists.groups[0][0].days.weekdays == [WeekdayRange(from: 1, to: 1), WeekdayRange(from: 3, to: 3)])
        #expect(lists.groups[0][0].spans == [TimeSpan(start: 540, end: 720), TimeSpan(start: 840, end: 1020)])

        let rules = try OpeningHours(parsing: "Mo-Fr 09:00-12:00, We 14:00-16:00 || \"sur RDV\"")
        #expect(rules.groups.map { $0.map(\.separator) } == [[.normal, .additional], [.fallback]])
        #expect(rules.groups[1][0].state == .unknown && rules.groups[1][0].comment == "sur RDV")
    }

    @Test func theDecidingCommentIsReported() throws {
        let hours = try OpeningHours(parsing: "Mo-Fr 09:00-12:00 || \"sur rendez-vous\"")
        #expect(hours.comment(at: LocalDateTime(year: 2025, month: 3, day: 10, hour: 15)) == "sur rendez-vous")
        #expect(hours.comment(at: LocalDateTime(year: 2025, month: 3, day: 10, hour: 10)) == nil)
    }

    @Test func aMomentThatDoesNotExistIsUnknown() throws {
        let hours = try OpeningHours(parsing: "24/7")
        #expect(hours.isOpen(at: LocalDateTime(year: 2025, month: 2, day: 29, hour: 10)) == nil)
        #expect(hours.isOpen(at: LocalDateTime(year: 2025, month: 3, day: 10, hour: 25)) == nil)
        #expect(hours.isOpen(at: LocalDateTime(year: Int.max, month: Int.min, day: Int.max, hour: -1)) == nil)
    }

    // MARK: Errors

    @Test(arguments: [
        ("Mo-Fr 25:00-12:00", 6, "an hour from 00 to 23"),
        ("Mo-Fx 09:00-12:00", 3, "a weekday (Mo, Tu, We, Th, Fr, Sa, Su)"),
        ("Mo-Fr 09:00-", 12, "a time such as 18:00"),
        ("Mo-Fr 09:60-12:00", 9, "two digits of minutes, from 00 to 59"),
        ("Mo-Fr 09:00-48:30", 12, "a closing time no later than 48:00"),
        ("Mo-Fr 09:00 12:00", 12, "'-' and a closing time, as in 09:00-12:00"),
        ("Mo-Fr 18:00+", 11, "'-' and a closing time (open ends such as 18:00+ are not supported)"),
        ("Mo-Fr 09:00-12:00 \"sur RDV", 18, "a closing double quote for this comment"),
        ("Mo-Fr 09:00-12:00 | Sa 10:00-12:00", 18, "'||' between a rule and its fallback"),
        ("Mo-Fr 09:00-12:00 @", 18, "a weekday, month, time, separator or comment in double quotes"),
        ("Feb 30 off", 4, "a day of the month from 1 to 29"),
        ("Dec 26-24 off", 7, "a day of the month after 26"),
        ("week 0 Mo", 5, "a week number from 1 to 53"),
        ("week 30-10", 8, "a week number from 30 to 53"),
        ("Sa[6] 10:00-12:00", 3, "a week of the month from 1 to 5 (or -1 to -5 from its end)"),
        ("SH off", 0, "a weekday or PH (school holidays, SH, are not supported)"),
        ("Mo-Fr 09:00-12:00 off Sa", 22, "';' before the next rule (or ',' or '||')"),
    ])
    func malformedValuesThrowWhereTheProblemIs(text: String, position: Int, expected: String) {
        #expect(throws: OpeningHoursError(text: text, position: position, expected: expected)) {
            try OpeningHours(parsing: text)
        }
    }

    /// Empty rules, French words, a missing comma, years: the position is where the rule goes wrong.
    @Test(arguments: [("", 0), ("   ", 3), ("Lundi 9h-12h", 0), ("Mo-Fr 09:00-12:00;; ||", 20), ("Mo-Fr 09:00-12:00 14:00-18:00", 18), ("2025 Jan off", 0)])
    func otherMalformedValuesThrowWhereTheRuleGoesWrong(text: String, position: Int) {
        let error = #expect(throws: OpeningHoursError.self) { try OpeningHours(parsing: text) }
        #expect(error?.position == position)
    }

    @Test func theErrorDescriptionQuotesWhatCameBefore() {
        let error = OpeningHoursError(text: "Mo-Fx 09:00-12:00", position: 3, expected: "a weekday (Mo, Tu, We, Th, Fr, Sa, Su)")
        #expect(error.description == "Expected a weekday (Mo, Tu, We, Th, Fr, Sa, Su) after \"Mo-\" in the opening hours \"Mo-Fx 09:00-12:00\".")
        #expect(OpeningHoursError(text: "", position: 0, expected: "a rule").description == "Expected a rule at the start in the opening hours \"\".")
    }

    /// Every prefix of a rich value, and a few thousand scrambles of its pieces, parse or throw in range: never trap.
    @Test func arbitraryTextNeverTraps() {
        let pieces = ["Mo", "-", "Fr", " ", "09", ":", "00", "12", "h", "30", ",", ";", "||", "\"x\"", "\"", "PH", "off",
                      "Jan", "Dec", "24", "week", "/", "[", "]", "-1", "24/7", "48", "99", "7", "Sa", "–", "+", "unknown", "é"]
        var texts = ["Jan-Jun,Dec 24-31: week 2-52/2 Mo-Fr,PH,Sa[1,-1] 9h30-12h,22:00-02:00 off \"x\"; Su 24:00-26:00 || \"y\""]
        texts += (0..<texts[0].count).map { String(texts[0].prefix($0)) }
        var seed: UInt64 = 0x5EED
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<8 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int((seed >> 33) % UInt64(pieces.count))]
            }
            texts.append(text)
        }
        var parsed = 0
        for text in texts {
            do {
                let hours = try OpeningHours(parsing: text)
                parsed += 1
                for day in [10, 15, 16] { _ = hours.isOpen(at: LocalDateTime(year: 2025, month: 3, day: day, hour: 1)) }
            } catch {
                #expect((0...text.count).contains(error.position), "\(error)")
                #expect(!error.expected.isEmpty)
            }
        }
        #expect(parsed > 0)
    }

    // MARK: Calendar

    @Test(arguments: [(2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2000, 4, 23), (1818, 3, 22), (2038, 4, 25), (2285, 3, 22)])
    func easterSundayFollowsTheGregorianComputus(year: Int, month: Int, day: Int) {
        #expect(FrenchHolidays.easterSunday(year: year) == (month: month, day: day))
    }

    @Test(arguments: [
        // Easter Monday 2024–2026, Ascension and Whit Monday 2024–2026.
        ("2024-04-01", true), ("2025-04-21", true), ("2026-04-06", true),
        ("2024-05-09", true), ("2025-05-29", true), ("2026-05-14", true),
        ("2024-05-20", true), ("2025-06-09", true), ("2026-05-25", true),
        ("2025-01-01", true), ("2025-05-01", true), ("2025-05-08", true), ("2025-07-14", true),
        ("2025-08-15", true), ("2025-11-01", true), ("2025-11-11", true), ("2025-12-25", true),
        // Easter Sunday, Good Friday, Whit Sunday, 26 December and ordinary days are not national holidays.
        ("2025-04-20", false), ("2025-04-18", false), ("2025-06-08", false), ("2025-12-26", false),
        ("2025-04-22", false), ("2025-05-30", false), ("2025-07-13", false),
    ])
    func frenchPublicHolidays(date: String, expected: Bool) throws {
        let day = try #require(LocalDateTime(parsing: date))
        #expect(FrenchHolidays.isHoliday(year: day.year, month: day.month, day: day.day) == expected)
    }

    @Test func impossibleDatesAreNotHolidays() {
        #expect(!FrenchHolidays.isHoliday(year: 2025, month: 13, day: 1))
        #expect(!FrenchHolidays.isHoliday(year: 2025, month: 2, day: 30))
        // Absurd years compute without trapping.
        _ = FrenchHolidays.isHoliday(year: Int.min, month: 4, day: 1)
        _ = FrenchHolidays.isHoliday(year: Int.max, month: 5, day: 29)
    }

    @Test(arguments: [
        ("2025-03-15T10:30", LocalDateTime(year: 2025, month: 3, day: 15, hour: 10, minute: 30)),
        ("2025-03-15 10:30", LocalDateTime(year: 2025, month: 3, day: 15, hour: 10, minute: 30)),
        ("2025-03-15", LocalDateTime(year: 2025, month: 3, day: 15)),
        ("2024-02-29T23:59", LocalDateTime(year: 2024, month: 2, day: 29, hour: 23, minute: 59)),
    ])
    func localDateTimeParsesItsThreeForms(text: String, expected: LocalDateTime) {
        #expect(LocalDateTime(parsing: text) == expected)
    }

    @Test(arguments: ["2025-02-29", "2025-3-15", "2025-03-15T24:00", "2025-03-15T10:60", "15/03/2025", "",
                      "2025-03-15T10:30:00", "0000-01-01", "2025-04-31", "2025-03-15X10:30", "２０２５-03-15"])
    func localDateTimeRejectsOtherText(text: String) {
        #expect(LocalDateTime(parsing: text) == nil)
    }

    @Test(arguments: [("2025-03-10", 1), ("2025-03-16", 7), ("2000-02-29", 2), ("2024-01-01", 1), ("2025-07-14", 1), ("2025-12-24", 3)])
    func weekdayIsISO(date: String, expected: Int) throws {
        #expect(try #require(LocalDateTime(parsing: date)).weekday == expected)
    }

    @Test(arguments: [("2025-03-11", 11), ("2024-12-30", 1), ("2027-01-01", 53), ("2021-01-03", 53), ("2025-12-24", 52), ("2026-01-05", 2)])
    func isoWeekNumbers(date: String, expected: Int) throws {
        #expect(try #require(LocalDateTime(parsing: date)).isoWeek == expected)
    }

    /// Day by day from Monday 1 January 1900 to 2100: the weekday advances by one, the ISO week
    /// changes exactly on Mondays, and a Thursday's week is its (day of year - 1) / 7 + 1.
    @Test func weekdaysAndISOWeeksAdvanceDayByDay() {
        var expectedWeekday = 1
        var previousWeek = 1
        var mismatches: [String] = []
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...LocalDateTime.daysInMonth(year: year, month: month) {
                    let date = LocalDateTime(year: year, month: month, day: day)
                    let week = date.isoWeek
                    if date.weekday != expectedWeekday { mismatches.append("\(date) weekday \(date.weekday)") }
                    if expectedWeekday == 1 ? !(week == previousWeek + 1 || week == 1) : week != previousWeek {
                        mismatches.append("\(date) week \(week)")
                    }
                    if expectedWeekday == 4, week != (LocalDateTime.dayOfYear(year: year, month: month, day: day) - 1) / 7 + 1 {
                        mismatches.append("\(date) Thursday week \(week)")
                    }
                    previousWeek = week
                    expectedWeekday = expectedWeekday % 7 + 1
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test(arguments: [2024, 2025, 2026])
    func elevenHolidaysAYear(year: Int) {
        let count = (1...12).reduce(0) { total, month in
            total + (1...LocalDateTime.daysInMonth(year: year, month: month)).filter { FrenchHolidays.isHoliday(year: year, month: month, day: $0) }.count
        }
        #expect(count == 11)
    }

    @Test func momentsOrderChronologically() {
        let a = LocalDateTime(year: 2025, month: 3, day: 10, hour: 23, minute: 59)
        let b = LocalDateTime(year: 2025, month: 3, day: 11)
        let c = LocalDateTime(year: 2026, month: 1, day: 1)
        #expect([c, b, a].sorted() == [a, b, c])
        #expect(a.description == "2025-03-10T23:59")
        #expect(LocalDateTime(year: 2025, month: 1, day: 1).previousDay == LocalDateTime(year: 2024, month: 12, day: 31))
        #expect(LocalDateTime(year: 2024, month: 3, day: 1).previousDay == LocalDateTime(year: 2024, month: 2, day: 29))
    }

    // MARK: Every distinct real value

    /// The distinct `horaires` of the hinaura JSON (513) and the official v1 example CSV (1, not in the JSON).
    @Suite(.requiresSharedData)
    struct RealData {
        private func distinctValues() throws -> Set<String> {
            let json = try Data(contentsOf: Fixtures.sharedData.appendingPathComponent("lieux-mediation-numerique-hinaura-schema-v0.1.json"))
            let records = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
            var values = Set(records.compactMap { $0["horaires"] as? String }.filter { !$0.isEmpty })
            let csv = try Data(contentsOf: Fixtures.sharedData.appendingPathComponent("lieux-v1-exemple-officiel.csv"))
            let rows = try CSVReader(data: csv).records()
            let column = try #require(rows.first?.fields.firstIndex(of: "horaires"))
            for row in rows.dropFirst() where column < row.fields.count && !row.fields[column].isEmpty {
                values.insert(row.fields[column])
            }
            return values
        }

        /// Counted independently with a Python script: 617 non-empty values in the JSON, 513 distinct,
        /// plus the CSV's one. All 514 parse; none is left to fail (odd but legal values such as
        /// "Fr 19:00-11:00", which runs past midnight, and "Mo 09:00-15:00,14:00-19:00", which overlaps,
        /// parse as written).
        @Test func everyDistinctRealValueParses() throws {
            let values = try distinctValues()
            var failures: [String] = []
            for value in values.sorted() {
                do { _ = try OpeningHours(parsing: value) } catch { failures.append(error.description) }
            }
            #expect(values.count == 514)
            #expect(values.count - failures.count == 514)
            #expect(failures == [])
        }

        @Test func theHandTableUsesRealValues() throws {
            let values = try distinctValues()
            #expect(Set(OpeningHoursTests.realCases.map(\.text)).subtracting(values) == [])
        }
    }
}
