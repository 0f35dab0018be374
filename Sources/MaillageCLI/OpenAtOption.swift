import ArgumentParser
import Maillage

/// `--open-at`: a coverage question asked at one moment, local time in France (gaps, fragility,
/// access, what-if, render coverage). Only relays open then count; those whose hours are unknown,
/// relays without a place and zones of intervention are left out, and the answer says how many.
struct OpenAtOption: ParsableArguments {
    @Option(name: .customLong("open-at"), help: ArgumentHelp("Count only the relays open then, local time in France (public holidays included).",
                                                             valueName: "YYYY-MM-DDTHH:MM"))
    var openAt: String?

    func validate() throws {
        if let openAt, LocalDateTime(parsing: openAt) == nil { throw QueryError.invalidDate(openAt) }
    }

    /// The moment asked, once validated.
    var moment: LocalDateTime? { openAt.flatMap(LocalDateTime.init(parsing:)) }
}
