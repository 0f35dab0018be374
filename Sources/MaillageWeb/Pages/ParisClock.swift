import Foundation
import Maillage

/// Local time in metropolitan France, which the opening hours are written in.
enum ParisClock {
    static func now(_ date: Date = Date()) -> LocalDateTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return LocalDateTime(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }
}

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

    /// « 15 janvier 2025 » from 2025-01-15; the text as given when it is not such a date.
    static func date(_ iso: String) -> String {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2] == 1 ? "1er" : String(parts[2])) \(months[parts[1] - 1]) \(parts[0])"
    }
}
