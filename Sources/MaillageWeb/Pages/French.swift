import Foundation
import Maillage

/// Numbers, distances, dates and times as French readers write them.
enum French {
    static let weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

    /// 12 345 (narrow no-break space between thousands).
    static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "\u{202F}" }
            grouped.append(digit)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    /// 3,4 km; 850 m under one kilometre.
    static func distance(_ km: Double) -> String {
        km < 1 ? "\(Int((km * 1000).rounded())) m" : decimal(km, digits: 1) + " km"
    }

    static func decimal(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value).replacingOccurrences(of: ".", with: ",")
    }

    /// 42,5 %.
    static func percent(_ share: Double) -> String { decimal(share * 100, digits: 1) + "\u{202F}%" }

    /// 9 h 30 (from minutes since midnight).
    static func time(_ minutes: Int) -> String {
        let (hour, minute) = (minutes / 60, minutes % 60)
        return minute == 0 ? "\(hour) h" : "\(hour) h \(minute < 10 ? "0" : "")\(minute)"
    }

    /// « 2 décembre 2026 à 9 h 57 », local time in France, from an ISO 8601 UTC timestamp; the text as given when it is not one.
    static func moment(_ iso: String) -> String {
        guard let date = ISO8601DateFormatter().date(from: iso) else { return iso }
        let local = LocalDateTime.inFrance(date)
        return self.date(local.isoDate) + " à " + time(local.hour * 60 + local.minute)
    }

    /// « 15 janvier 2025 » from 2025-01-15; the text as given when it is not such a date.
    static func date(_ iso: String) -> String {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2] == 1 ? "1er" : String(parts[2])) \(months[parts[1] - 1]) \(parts[0])"
    }
}

extension French {
    static let shortWeekdays = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]

    /// A week's opening hours in a line: "lun.–ven. 9 h – 12 h, 14 h – 17 h 30 ; sam. 9 h – 12 h".
    /// Days with the same hours share them; consecutive ones are written as a range.
    static func hours(_ week: [DaySchedule]) -> String {
        var groups: [(intervals: [Range<Int>], days: [Int])] = []
        for (index, day) in week.enumerated() where !day.intervals.isEmpty {
            if let group = groups.firstIndex(where: { $0.intervals == day.intervals }) { groups[group].days.append(index) }
            else { groups.append((day.intervals, [index])) }
        }
        guard !groups.isEmpty else { return "fermé toute la semaine" }
        return groups.map { group in
            var runs: [[Int]] = []
            for day in group.days {
                if let last = runs.last?.last, last == day - 1 { runs[runs.count - 1].append(day) } else { runs.append([day]) }
            }
            let days = runs.map { run in
                run.count == 1 ? shortWeekdays[run[0]] : shortWeekdays[run[0]] + (run.count == 2 ? ", " : "–") + shortWeekdays[run[run.count - 1]]
            }.joined(separator: ", ")
            return days + " " + group.intervals.map { "\(time($0.lowerBound)) – \(time($0.upperBound))" }.joined(separator: ", ")
        }.joined(separator: " ; ")
    }
}
