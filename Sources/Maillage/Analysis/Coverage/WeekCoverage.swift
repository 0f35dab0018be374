/// Coverage through the week (`maillage week`): the population with a relay open within the radius,
/// hour by hour, for the 168 hours of one week, each evaluated at its half hour (10:30 for
/// 10:00–11:00). The spatial work is done once (which relays reach each commune); each relay's
/// hours once (its 168 open slots, as bits); a slot's coverage is then bit arithmetic.
public struct WeekQuery: Sendable {
    /// The service, radius, scope and relay filters (``GapQuery/openAt`` is ignored: every slot is asked).
    public var coverage: GapQuery
    /// Any day of the week asked: the week is the one from its Monday.
    public var date: LocalDateTime
    /// One row of slots per territory of this level too (nil: the whole scope only).
    public var level: TerritoryLevel?

    public init(coverage: GapQuery, date: LocalDateTime) {
        self.coverage = coverage
        self.date = date
    }
}

public struct WeekReport: Sendable, Equatable, Codable {
    public struct Slot: Sendable, Equatable, Codable {
        /// `Mo` … `Su`.
        public var day: String
        /// `10:00` and `11:00` (`24:00` for the last hour).
        public var start: String
        public var end: String
        public var coveredPopulation: Int
        public var coveredShare: Double
        /// Relays reaching a commune of the scope that are open then.
        public var openRelays: Int

        enum CodingKeys: String, CodingKey {
            case day, start, end
            case coveredPopulation = "covered_population"
            case coveredShare = "covered_share"
            case openRelays = "open_relays"
        }
    }

    /// One territory of ``WeekQuery/level``: its population and the population covered in each slot.
    public struct TerritoryWeek: Sendable, Equatable, Codable {
        public var code: String
        public var nom: String
        public var population: Int
        /// In the order of ``WeekReport/slots``.
        public var coveredPopulation: [Int]

        enum CodingKeys: String, CodingKey {
            case code, nom, population
            case coveredPopulation = "covered_population"
        }
    }

    public var service: String
    public var radiusKm: Double
    public var population: Int
    /// The Monday, YYYY-MM-DD.
    public var weekOf: String
    public var slots: [Slot]
    public var level: TerritoryLevel? = nil
    public var territories: [TerritoryWeek]? = nil
    /// Relays of the service left out of every slot: hours unknown (none, unreadable, never
    /// decided), or no place (relays without a place and zones of intervention have no hours).
    public var unknownHoursLeftOut: Int
    public var withoutPlaceLeftOut: Int
    public var within: ResolvedTerritory? = nil
    public var communesWithoutLocation = CommunesWithoutLocation()

    enum CodingKeys: String, CodingKey {
        case service
        case radiusKm = "radius_km"
        case population
        case weekOf = "week_of"
        case slots, level, territories
        case unknownHoursLeftOut = "unknown_hours_left_out"
        case withoutPlaceLeftOut = "without_place_left_out"
        case within
        case communesWithoutLocation = "communes_without_location"
    }

    /// The days of the week as slots name them, Monday first.
    public static let days = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
}

/// The 168 hours of a week as bits, Monday 00:00–01:00 first.
struct WeekSlots {
    static let count = 168
    private(set) var words: (UInt64, UInt64, UInt64) = (0, 0, 0)

    subscript(slot: Int) -> Bool {
        get {
            let bit = UInt64(1) << UInt64(slot % 64)
            switch slot / 64 {
            case 0: return words.0 & bit != 0
            case 1: return words.1 & bit != 0
            default: return words.2 & bit != 0
            }
        }
        set {
            let bit = UInt64(1) << UInt64(slot % 64)
            switch (slot / 64, newValue) {
            case (0, true): words.0 |= bit
            case (0, false): words.0 &= ~bit
            case (1, true): words.1 |= bit
            case (1, false): words.1 &= ~bit
            case (_, true): words.2 |= bit
            case (_, false): words.2 &= ~bit
            }
        }
    }

    static func |= (lhs: inout WeekSlots, rhs: WeekSlots) {
        lhs.words = (lhs.words.0 | rhs.words.0, lhs.words.1 | rhs.words.1, lhs.words.2 | rhs.words.2)
    }

    var isEmpty: Bool { words.0 | words.1 | words.2 == 0 }

    /// The slots open in `hours` during the week from `monday`, each read at its half hour; nil
    /// when no slot can be decided (the hours say nothing of this week).
    static func open(_ hours: OpeningHours, weekFrom monday: LocalDateTime) -> WeekSlots? {
        var slots = WeekSlots()
        var decided = false
        var day = monday.date
        for dayIndex in 0..<7 {
            for hour in 0..<24 {
                let state = hours.state(at: LocalDateTime(year: day.year, month: day.month, day: day.day, hour: hour, minute: 30))
                if state != .unknown { decided = true }
                if state == .open { slots[dayIndex * 24 + hour] = true }
            }
            day = day.nextDay
        }
        return decided ? slots : nil
    }
}

extension RelayDirectory {
    /// The covered population of each hour of the week (see ``WeekQuery``).
    ///
    /// - Complexity: one radius search per commune of the scope, 168 readings of each relay's
    ///   hours (once per distinct hours text), then 168 bit tests per commune.
    public func week(_ query: WeekQuery, territories: TerritoryTable) throws(QueryError) -> WeekReport {
        var coverage = query.coverage
        coverage.openAt = nil
        let candidates = try candidates(for: coverage)
        let monday = query.date.monday
        // Each relay's open slots, computed once per distinct hours text.
        var slotsOfText: [String: WeekSlots?] = [:]
        var slots = [WeekSlots?](repeating: nil, count: entries.count)
        var unknownHours: [Int] = [], withoutPlace: [Int] = []
        for (index, entry) in entries.enumerated() where candidates.eligible[index] {
            guard entry.kind == .place else { withoutPlace.append(index); continue }
            guard let hours = entry.hours, let text = entry.hoursText else { unknownHours.append(index); continue }
            if slotsOfText[text] == nil { slotsOfText[text] = .some(WeekSlots.open(hours, weekFrom: monday)) }
            guard let open = slotsOfText[text] ?? nil else { unknownHours.append(index); continue }
            slots[index] = open
        }

        let within = try coverage.within.map(territories.territory)
        let (scope, withoutLocation) = territories.locatedCommunes(in: within)
        var covered = [Int](repeating: 0, count: WeekSlots.count)
        var reaching = Set<Int>()
        var population = 0
        var byTerritory: [String: (population: Int, covered: [Int])] = [:]
        var order: [String] = []
        for communeIndex in scope {
            let commune = territories.communes[communeIndex]
            var open = WeekSlots()
            grid.within(coverage.radiusKm, ofLatitude: commune.latitude, longitude: commune.longitude) { entry, _ in
                guard let entrySlots = slots[entry] else { return }
                open |= entrySlots
                reaching.insert(entry)
            }
            population += commune.population
            let territory = query.level.flatMap { commune.code(at: $0) }
            if let territory, byTerritory[territory] == nil {
                order.append(territory)
                byTerritory[territory] = (0, [Int](repeating: 0, count: WeekSlots.count))
            }
            if let territory { byTerritory[territory]?.population += commune.population }
            guard !open.isEmpty else { continue }
            for slot in 0..<WeekSlots.count where open[slot] {
                covered[slot] += commune.population
                if let territory { byTerritory[territory]?.covered[slot] += commune.population }
            }
        }
        var openRelays = [Int](repeating: 0, count: WeekSlots.count)
        for entry in reaching {
            guard let entrySlots = slots[entry] else { continue }
            for slot in 0..<WeekSlots.count where entrySlots[slot] { openRelays[slot] += 1 }
        }

        let leftOut = try leftOut(unknownHours: unknownHours, withoutPlace: withoutPlace, within: coverage.within, territories: territories)
        var report = WeekReport(
            service: catalog.labels[candidates.service], radiusKm: coverage.radiusKm, population: population, weekOf: monday.isoDate,
            slots: (0..<WeekSlots.count).map { slot in
                let hour = slot % 24
                return WeekReport.Slot(day: WeekReport.days[slot / 24], start: String(format: "%02d:00", hour), end: String(format: "%02d:00", hour + 1),
                                       coveredPopulation: covered[slot], coveredShare: population > 0 ? Double(covered[slot]) / Double(population) : 0,
                                       openRelays: openRelays[slot])
            },
            unknownHoursLeftOut: leftOut.unknownHours, withoutPlaceLeftOut: leftOut.withoutPlace,
            within: within, communesWithoutLocation: withoutLocation)
        if let level = query.level {
            report.level = level
            report.territories = order.map { code in
                let row = byTerritory[code] ?? (0, [])
                return WeekReport.TerritoryWeek(code: code, nom: territories.name(of: code, at: level), population: row.population, coveredPopulation: row.covered)
            }
        }
        return report
    }
}
